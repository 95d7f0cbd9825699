//! What an element's tag and attributes say about its text: block or inline, heading
//! level, the names it gives itself, and whether it never holds article text (scripts,
//! forms' controls, navigation, hidden elements, boilerplate class names).

use scraper::ElementRef;

use super::blocks::Options;
use super::hints;

/// The names an element gives itself, lowercased and space-separated: `class`, `id`, and
/// the schema.org `itemprop` / RDFa `property` ("articleBody").
pub fn class_and_id(el: ElementRef) -> String {
    let value = el.value();
    let mut names = String::new();
    for attr in ["class", "id", "itemprop", "property"] {
        if let Some(name) = value.attr(attr) {
            names.push_str(&name.to_lowercase());
            names.push(' ');
        }
    }
    names
}

pub fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "li"
            | "main"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Elements whose content is never article text.
pub fn is_left_out(el: ElementRef, inside_article: bool, options: Options) -> bool {
    let value = el.value();
    let tag = value.name();
    let never_text = matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "svg"
            | "canvas"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "map"
            | "nav"
            | "aside"
            | "footer"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "option"
            | "label"
            | "dialog"
            | "menu"
            | "head"
            | "title"
            | "meta"
            | "link"
    );
    let site_header = tag == "header" && !inside_article;
    let hidden = value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
        || value.attr("style").is_some_and(hides);
    let role = value.attr("role").is_some_and(|role| {
        matches!(
            role,
            "navigation"
                | "complementary"
                | "banner"
                | "contentinfo"
                | "menu"
                | "menubar"
                | "dialog"
                | "alertdialog"
                | "search"
        )
    });
    let keeps_by_tag = matches!(tag, "body" | "article" | "main" | "a" | "p");
    never_text
        || site_header
        || hidden
        || role
        || (options.skip_unlikely
            && !keeps_by_tag
            && hints::classes().is_unlikely(&class_and_id(el)))
}

fn hides(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}
