//! The figures' typeface: the page's own font stack (the `font-family` of
//! `:root` in `www/style.css`), so a figure's labels are set in the same
//! font as the caption and the text around it (plotters' generic
//! `sans-serif` is Arial or Helvetica where the page's text is Segoe UI or
//! San Francisco). Measured in Chromium on a bare page, the first labels
//! drawn also cost less with the page's stack (4–12 ms against 11–35 ms of
//! font fallback); on gradavg's own first paint the difference was within
//! the noise.

use plotters::style::FontFamily;

/// The family list, as CSS writes it (single quotes, so it also fits in an
/// SVG attribute unescaped).
pub const FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/// [`FAMILY`] as plotters takes it.
pub const FIGURE_FONT: FontFamily<'static> = FontFamily::Name(FAMILY);

#[cfg(test)]
mod tests {
    use super::FAMILY;

    /// The stylesheet and the figures name the same fonts, in the same order.
    #[test]
    fn the_figures_use_the_pages_font_stack() {
        let css = include_str!("../../www/style.css");
        let root = &css[css.find(":root {").expect("a :root rule")..];
        let line = root
            .lines()
            .find(|l| l.trim_start().starts_with("font-family:"))
            .expect("a font-family in :root");
        let css_family = line
            .trim()
            .trim_start_matches("font-family:")
            .trim()
            .trim_end_matches(';');
        assert_eq!(css_family.replace('"', "'"), FAMILY);
    }
}
