//! The ready-to-paste embeds of the Embed dialog: one iframe of the page in
//! embed mode, written for HTML, Markdown (mdBook, Jupyter Book), Quarto and
//! Jupyter. The iframe reports its height with a `gradavg:resize` message
//! (see `www/main.js`); the HTML snippets carry the listener that applies it.

/// A snippet: its id, the label the dialog shows, and the text to paste.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    pub id: &'static str,
    pub label: &'static str,
    pub text: String,
}

/// The listener a course page needs so each iframe takes the height it
/// reports: at most ten lines, no library.
pub const RESIZE_LISTENER: &str = r#"<script>
addEventListener("message", (e) => {
  if (!e.data || e.data.type !== "gradavg:resize") return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === e.source) frame.style.height = e.data.height + "px";
  }
});
</script>"#;

/// An embed of the page at `url` (already carrying `embed=1`), titled
/// `title`, at most `width` CSS px wide (full width below that) and first
/// `height` px tall until the page reports its own height.
pub fn snippets(url: &str, title: &str, width: u32, height: u32) -> Vec<Snippet> {
    let python_url = url.replace('\\', "\\\\").replace('"', "\\\"");
    let (url, title) = (attribute(url), attribute(title));
    let iframe = format!(
        "<iframe src=\"{url}\" title=\"{title}\" width=\"100%\" height=\"{height}\" \
         style=\"max-width: {width}px; border: 0;\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>"
    );
    let html = format!("{iframe}\n{RESIZE_LISTENER}");
    vec![
        Snippet {
            id: "html",
            label: "HTML",
            text: html.clone(),
        },
        Snippet {
            id: "markdown",
            label: "Markdown, mdBook, Jupyter Book (raw HTML)",
            text: format!("<!-- gradavg: {title} -->\n{html}"),
        },
        Snippet {
            id: "quarto",
            label: "Quarto",
            text: format!("```{{=html}}\n{html}\n```"),
        },
        Snippet {
            id: "jupyter",
            label: "Jupyter (Python)",
            text: format!(
                "from IPython.display import IFrame\nIFrame(\"{python_url}\", width=\"100%\", height={height})"
            ),
        },
    ]
}

/// `text` safe inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
