//! The headline of a page: the `<h1>` that the page's `og:title` or `<title>` repeats (the
//! headline as shown), else `og:title`, else `<title>`, with the site's name taken off
//! ("Kiew meldet Angriffe | Beispiel-Zeitung", "… - Nachrichten - DIE WELT"). An `<h1>`
//! that the title puts before a colon and a longer headline is the site's name
//! ("RADIO SALÜ Nachrichten: Im Süden Japans …") and is taken off too.

use super::meta::PageMeta;
use crate::load::text;

/// Separators between a headline and a site name, the most telling first.
const SEPARATORS: [&str; 8] = [" | ", " :: ", " « ", " » ", " · ", " — ", " – ", " - "];

/// The headline, or `None` when the page names none.
pub fn headline(meta: &PageMeta) -> Option<String> {
    let titles: Vec<&str> = [meta.og_title.as_deref(), meta.doc_title.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let stripped: Vec<String> = titles
        .iter()
        .map(|t| strip_site_name(t, meta.site_name.as_deref()))
        .collect();
    let mut site_h1 = None;
    for h1 in meta.h1s.iter().filter(|h1| h1.chars().count() >= 10) {
        let Some(title) = stripped.iter().find(|t| t.contains(h1.as_str())) else {
            continue;
        };
        if without_prefix(title, h1) == title {
            return Some(h1.clone());
        }
        site_h1 = site_h1.or(Some(h1.as_str()));
    }
    stripped
        .iter()
        .map(|t| site_h1.map_or(t.as_str(), |h1| without_prefix(t, h1)))
        .map(str::to_owned)
        .chain(meta.h1s.first().cloned())
        .find(|t| !t.is_empty())
}

/// The title without a leading site name and the colon after it, when a headline of
/// four words or more follows.
fn without_prefix<'t>(title: &'t str, site: &str) -> &'t str {
    let rest = title
        .strip_prefix(site)
        .and_then(|r| r.strip_prefix(':'))
        .map(str::trim);
    match rest {
        Some(rest) if rest.split_whitespace().count() >= 4 => rest,
        _ => title,
    }
}

/// The title without the site name, section names and dates that pages put before or
/// after it.
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let mut title = title.trim().to_owned();
    for sep in SEPARATORS {
        loop {
            let before = title.len();
            if let Some((head, tail)) = title.rsplit_once(sep)
                && is_site_part(tail, head, sep, site)
            {
                title = head.trim().to_owned();
            }
            if let Some((head, tail)) = title.split_once(sep)
                && is_site_part(head, tail, sep, site)
            {
                title = tail.trim().to_owned();
            }
            if title.len() == before {
                break;
            }
        }
    }
    title
}

/// Whether `part` (cut off by `sep` from `rest`) names the site, a section or a date
/// rather than belonging to the headline.
fn is_site_part(part: &str, rest: &str, sep: &str, site: Option<&str>) -> bool {
    let part = part.trim();
    let lower = part.to_lowercase();
    let names_site = site.is_some_and(|site| {
        let site = site.to_lowercase();
        !site.is_empty() && (lower.contains(&site) || site.contains(&lower))
    });
    let is_domain = part
        .split_whitespace()
        .any(|w| w.contains('.') && w.rsplit('.').next().is_some_and(is_tld));
    let words = part.split_whitespace().count();
    // A date with a weekday or a word or two ("Montag, 5. August 2023"), not a headline
    // that ends with one ("Boeing holt zum Kahlschlag aus… 23.02.16").
    let is_date = (words <= 4 && text::parse_date(part).is_some())
        || part
            .chars()
            .all(|c| c.is_ascii_digit() || ".:/- ".contains(c));
    let rest_words = rest.split_whitespace().count();
    let short_after_pipe = matches!(sep, " | " | " :: ") && words <= 4 && rest_words >= 3;
    let short_section = words <= 2 && rest_words >= 4 && starts_upper(part) && sep != " - ";
    names_site || is_domain || is_date || short_after_pipe || short_section
}

fn is_tld(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_h1_before_a_colon_in_the_title_is_the_site() {
        let meta = PageMeta {
            doc_title: Some("RADIO SALÜ Nachrichten: Im Süden Japans bebt die Erde wieder".into()),
            h1s: vec!["RADIO SALÜ Nachrichten".into()],
            ..PageMeta::default()
        };
        assert_eq!(
            headline(&meta).as_deref(),
            Some("Im Süden Japans bebt die Erde wieder")
        );
        let meta = PageMeta {
            doc_title: Some("Industrieverband: Griechenland droht die Pleite - antenne 1".into()),
            h1s: vec!["Industrieverband: Griechenland droht die Pleite".into()],
            ..PageMeta::default()
        };
        assert_eq!(
            headline(&meta).as_deref(),
            Some("Industrieverband: Griechenland droht die Pleite")
        );
    }

    #[test]
    fn strips_site_names_sections_and_dates() {
        let strip = |t| strip_site_name(t, None);
        assert_eq!(
            strip(
                "Intel streicht 12.000 Stellen - Prognose enttäuscht Anleger | 20.04.16 | finanzen.at"
            ),
            "Intel streicht 12.000 Stellen - Prognose enttäuscht Anleger"
        );
        assert_eq!(
            strip("Fanuc kommt mit glänzenden Zahlen zur Automatica - neue-verpackung.de"),
            "Fanuc kommt mit glänzenden Zahlen zur Automatica"
        );
        assert_eq!(
            strip_site_name(
                "Falsche Vornamen auf 200 000 Stimmzetteln - Nachrichten - DIE WELT",
                Some("DIE WELT")
            ),
            "Falsche Vornamen auf 200 000 Stimmzetteln - Nachrichten"
        );
        assert_eq!(
            strip("Star Wars: Trials of Tatooine VR gezeigt - Für HTC Vive"),
            "Star Wars: Trials of Tatooine VR gezeigt - Für HTC Vive"
        );
        assert_eq!(
            strip("Boeing holt zum KAHLSCHLAG aus… 23.02.16 - Kolumnen - ARIVA.DE"),
            "Boeing holt zum KAHLSCHLAG aus… 23.02.16 - Kolumnen"
        );
        assert_eq!(
            strip("Kiew meldet neue Angriffe | Montag, 5. August 2023"),
            "Kiew meldet neue Angriffe"
        );
    }
}
