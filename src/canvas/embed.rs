//! How the page is shown (`embed`, `controls`, `lock`) and the Embed
//! dialog's links and snippets, all built from the state by the core.

use super::app::App;
use crate::page::presentation::Presentation;
use crate::page::snippets::snippets;
use crate::scenes::state::{to_query, State};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl App {
    /// [embed, controls shown, θ locked, lesson shown, lesson step,
    /// presenting], for the page's layout.
    pub fn presentation(&self) -> Vec<u32> {
        let p = self.state.presentation;
        vec![
            p.embed as u32,
            !p.hides_controls() as u32,
            p.lock as u32,
            p.lesson as u32,
            p.step as u32,
            p.present as u32,
        ]
    }

    /// The query of the same view on the full page: without `embed`,
    /// `controls` and `lock`.
    #[wasm_bindgen(js_name = fullPageQuery)]
    pub fn full_page_query(&self) -> String {
        to_query(&self.with_presentation(Presentation::default()))
    }

    /// The query of this view embedded, with or without the scene's controls
    /// and with θ locked or not.
    #[wasm_bindgen(js_name = embedQuery)]
    pub fn embed_query(&self, controls: bool, lock: bool) -> String {
        to_query(&self.with_presentation(Presentation {
            embed: true,
            controls,
            lock,
            ..Presentation::default()
        }))
    }

    /// The Embed dialog's snippets as [id, label, text] triples, for the page
    /// at `page_url` (origin and path, no query) embedded as `embedQuery`
    /// gives, at most `width` px wide and first `height` px tall.
    #[wasm_bindgen(js_name = embedSnippets)]
    pub fn embed_snippets(
        &self,
        page_url: &str,
        controls: bool,
        lock: bool,
        width: u32,
        height: u32,
    ) -> js_sys::Array {
        let url = format!("{page_url}?{}", self.embed_query(controls, lock));
        let title = format!("gradavg · {}", self.state.scene.title());
        snippets(
            &url,
            &title,
            width.clamp(320, 1600),
            height.clamp(200, 4000),
        )
        .into_iter()
        .map(|s| js_sys::Array::of3(&s.id.into(), &s.label.into(), &s.text.into()))
        .collect()
    }
}

impl App {
    fn with_presentation(&self, presentation: Presentation) -> State {
        State {
            presentation,
            ..self.state.clone()
        }
    }
}
