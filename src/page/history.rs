//! Undo and redo of the data: every change to the examples (an added,
//! moved or deleted point, a paste, a dataset) can be taken back, and a
//! change taken back can be made again. Only the data and what depends on
//! them (N, order, selection, B) go back; θ and the settings stay.

use crate::page::state::Shared;

/// How many changes are kept.
const LIMIT: usize = 50;

/// The data before each change (`past`) and after each undone one (`future`).
#[derive(Default)]
pub struct History {
    past: Vec<Shared>,
    future: Vec<Shared>,
}

impl History {
    /// Remembers `before`, the shared state a data change is about to replace.
    pub fn record(&mut self, before: &Shared) {
        self.past.push(before.clone());
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// `now` with the data of the last change taken back, if there is one.
    pub fn undo(&mut self, now: &Shared) -> Option<Shared> {
        let before = self.past.pop()?;
        self.future.push(now.clone());
        Some(restore(now, &before))
    }

    /// `now` with the last undone change made again, if there is one.
    pub fn redo(&mut self, now: &Shared) -> Option<Shared> {
        let after = self.future.pop()?;
        self.past.push(now.clone());
        Some(restore(now, &after))
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

/// `now` with the data of `snapshot`.
fn restore(now: &Shared, snapshot: &Shared) -> Shared {
    let mut next = now.clone();
    next.points = snapshot.points.clone();
    next.recipe = snapshot.recipe;
    next.order = snapshot.order;
    next.selected = snapshot.selected;
    next.batch = snapshot.batch;
    next
}
