//! The App's side of a student's own data: CSV in and out, the built-in
//! datasets, undo and redo, and edits made on the data figure. The rules
//! are `page::own_data`'s and `page::history`'s; this file only wires them
//! to the state, so every data change is recorded once and can be undone.

use super::app::App;
use crate::page::own_data::{
    add_point, delete_point, fit_loss, generated, link_note, load_built_in, move_point, read_csv,
    to_csv, with_points, BUILT_IN,
};
use crate::page::state::Shared;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl App {
    /// Replaces the examples with a CSV paste (x,y or x,label, optional
    /// header, comma, semicolon or tab). On any bad line nothing changes, and
    /// the Error lists every bad line by number, one per line of its message.
    /// Returns a sentence when the loss changed to fit the data ("" if not).
    #[wasm_bindgen(js_name = importCsv)]
    pub fn import_csv(&mut self, text: &str) -> Result<String, JsError> {
        let pasted = read_csv(text).map_err(|lines| JsError::new(&lines.join("\n")))?;
        let mut next = with_points(&self.state.shared, pasted.data);
        let note = fit_loss(&mut next, pasted.labels);
        self.change_data(next);
        Ok(note.unwrap_or_default())
    }

    /// The examples shown, as CSV text.
    pub fn csv(&self) -> String {
        to_csv(&self.state.shared)
    }

    /// The CSV's file name: `gradavg-data-12-examples.csv`.
    #[wasm_bindgen(js_name = csvFileName)]
    pub fn csv_file_name(&self) -> String {
        format!("gradavg-data-{}-examples.csv", self.state.shared.recipe.n)
    }

    /// The built-in datasets as [key, label, source].
    pub fn datasets(&self) -> js_sys::Array {
        BUILT_IN
            .iter()
            .map(|b| js_sys::Array::of3(&b.key.into(), &b.label.into(), &b.source.into()))
            .collect()
    }

    /// Loads the built-in dataset `key`; returns a sentence when the loss
    /// changed to fit it ("" if not).
    #[wasm_bindgen(js_name = loadDataset)]
    pub fn load_dataset(&mut self, key: &str) -> Result<String, JsError> {
        let (next, note) = load_built_in(&self.state.shared, key).map_err(|e| JsError::new(&e))?;
        self.change_data(next);
        Ok(note.unwrap_or_default())
    }

    /// Whether the student's points fit in a link, as a sentence ("" for
    /// generated data).
    #[wasm_bindgen(js_name = dataNote)]
    pub fn data_note(&self) -> String {
        link_note(&self.state.shared).unwrap_or_default()
    }
}

impl App {
    /// "undo", "redo" and "use-generated".
    pub(super) fn data_action(&mut self, name: &str) -> Result<(), JsError> {
        let now = &self.state.shared;
        let next = match name {
            "undo" => self.history.undo(now),
            "redo" => self.history.redo(now),
            _ if now.points.is_none() => None,
            _ => {
                let next = generated(now);
                self.history.record(now);
                Some(next)
            }
        };
        match next {
            Some(shared) => {
                self.set_shared(shared);
                Ok(())
            }
            None if name == "use-generated" => Ok(()),
            None => Err(JsError::new(&format!("there is nothing to {name}"))),
        }
    }

    /// Makes `next` the shared state, remembering the data it replaces.
    pub(super) fn change_data(&mut self, next: Shared) {
        self.history.record(&self.state.shared);
        self.set_shared(next);
    }

    fn set_shared(&mut self, shared: Shared) {
        let mut next = self.state.clone();
        next.shared = shared;
        self.commit(next);
    }

    /// Adds an example at data point `at`; false (and nothing changes) when
    /// the page holds no more.
    pub(super) fn add_example(&mut self, at: [f64; 2]) -> bool {
        match add_point(&self.state.shared, at) {
            Ok(next) => {
                self.change_data(next);
                true
            }
            Err(_) => false,
        }
    }

    /// Moves example `i` to `at`; the first move of a drag is recorded.
    pub(super) fn move_example(&mut self, i: usize, at: [f64; 2], first: bool) {
        let next = move_point(&self.state.shared, i, at);
        if first {
            self.change_data(next);
        } else {
            self.set_shared(next);
        }
    }

    /// Deletes the selected example; false when none is selected or it is the last.
    pub(super) fn delete_selected(&mut self) -> bool {
        let Some(i) = self.state.shared.selected else {
            return false;
        };
        match delete_point(&self.state.shared, i) {
            Ok(next) => {
                self.change_data(next);
                true
            }
            Err(_) => false,
        }
    }
}
