//! The settings of [`App`] that controls change: one setting by name, the
//! log-scale batch slider, drawing batches, new data, the network's menus.

use super::app::App;
use crate::core::math::LibmExt;
use crate::core::rng::fresh_seed;
use crate::page::settings::apply_setting;
use crate::page::state::MAX_DRAWS;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl App {
    /// Sets one setting from a control, e.g. ("n", "50"). A bad value
    /// changes nothing and the returned Error says why.
    #[wasm_bindgen(js_name = setSetting)]
    pub fn set_setting(&mut self, name: &str, value: &str) -> Result<(), JsError> {
        let mut state = self.model.state.clone();
        apply_setting(&mut state, name, value.trim())
            .map_err(|e| JsError::new(&format!("{name} {e}")))?;
        if state.recipe.x_min >= state.recipe.x_max {
            return Err(JsError::new("xmin must be less than xmax"));
        }
        if state.batch > state.recipe.n {
            if name == "b" {
                return Err(JsError::new(&format!(
                    "b must be at most N = {}",
                    state.recipe.n
                )));
            }
            state.batch = state.recipe.n;
        }
        self.replace_state(state);
        Ok(())
    }

    /// The batch size at position `t` ∈ [0, 1] of a log-scale slider:
    /// B = round(N^t), so the slider spends equal room on 1–10 and 100–1000.
    #[wasm_bindgen(js_name = setBatchPosition)]
    pub fn set_batch_position(&mut self, t: f64) {
        let n = self.model.problem.num_examples() as f64;
        let b = n.powf_(t.clamp(0.0, 1.0)).round().clamp(1.0, n) as usize;
        let mut state = self.model.state.clone();
        state.batch = b;
        self.replace_state(state);
    }

    /// Where the current batch size sits on the log-scale slider, log B / log N.
    #[wasm_bindgen(js_name = batchPosition)]
    pub fn batch_position(&self) -> f64 {
        let n = self.model.problem.num_examples() as f64;
        if n <= 1.0 {
            1.0
        } else {
            (self.model.state.batch as f64).ln_() / n.ln_()
        }
    }

    /// Draws `count` more mini-batches (the cloud holds at most 20,000).
    pub fn draw(&mut self, count: usize) {
        let mut state = self.model.state.clone();
        state.draws = (state.draws + count).min(MAX_DRAWS);
        self.replace_state(state);
    }

    /// Clears the cloud and picks a fresh seed for the next draws.
    #[wasm_bindgen(js_name = clearDraws)]
    pub fn clear_draws(&mut self) {
        let mut state = self.model.state.clone();
        state.draws = 0;
        state.draw_seed = fresh_seed();
        self.replace_state(state);
    }

    /// New data from a fresh random seed.
    #[wasm_bindgen(js_name = newData)]
    pub fn new_data(&mut self) {
        let mut state = self.model.state.clone();
        state.recipe.seed = fresh_seed();
        self.replace_state(state);
    }

    /// The network's parameters as [index, name] pairs, for the slice menus.
    #[wasm_bindgen(js_name = networkParams)]
    pub fn network_params(&self) -> js_sys::Array {
        let h = self.model.state.hidden.clamp(
            crate::scenes::average_first::network::HIDDEN_RANGE.0,
            crate::scenes::average_first::network::HIDDEN_RANGE.1,
        );
        (0..3 * h + 1)
            .map(|k| {
                js_sys::Array::of2(
                    &(k as u32).into(),
                    &crate::scenes::average_first::network::param_name(k, h).into(),
                )
            })
            .collect()
    }

    /// The two sliced parameters' indices, [a, b].
    #[wasm_bindgen(js_name = networkSlice)]
    pub fn network_slice(&self) -> Vec<u32> {
        let net = crate::scenes::average_first::network::Network::new(&self.model.state);
        vec![net.slice[0] as u32, net.slice[1] as u32]
    }
}
