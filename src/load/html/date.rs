//! Date lines as pages write them next to the headline: a short line that is a date
//! `load::text::parse_date` reads (ISO, `02.08.2023`, "22. Mär. 2016", "23.02.16"), or
//! that gives only a time relative to now ("vor 8 Stunden").

use crate::load::text;

/// A short line that is only a date, or a time relative to now ("vor 8 Stunden",
/// "heute, 05:50"): page furniture, not article text.
pub fn is_date_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let relative = words.windows(3).any(|w| {
        w[0].eq_ignore_ascii_case("vor")
            && w[1].chars().all(|c| c.is_ascii_digit())
            && ["Sekunde", "Minute", "Stunde", "Tag", "Woche"]
                .iter()
                .any(|unit| w[2].starts_with(unit))
    });
    let today = words.first().is_some_and(|w| {
        matches!(
            w.trim_end_matches(','),
            "heute" | "gestern" | "Heute" | "Gestern"
        )
    }) && text.contains(':');
    words.len() <= 8 && (relative || today || text::parse_date(text).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_pages_write_them() {
        let parse = text::parse_date;
        assert_eq!(
            parse("Sonntag, 8. November 2015 12:19").as_deref(),
            Some("2015-11-08")
        );
        assert_eq!(
            parse("22. Mär. 2016 - 10:02").as_deref(),
            Some("2016-03-22")
        );
        assert_eq!(
            parse("07.01.2016 | 23:00 Uhr").as_deref(),
            Some("2016-01-07")
        );
        assert_eq!(parse("23.02.16").as_deref(), Some("2016-02-23"));
        assert_eq!(parse("Am 3. Mai kamen 2000 Menschen"), None);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("vor 8 Stunden"));
        assert!(is_date_line("heute, 05:50"));
        assert!(is_date_line("21. Juli 2016"));
        assert!(!is_date_line(
            "Am 21. Juli 2016 begann der Streik der Piloten in ganz Deutschland, sagte er."
        ));
    }
}
