//! Dates as pages write them next to the headline: what `load::text::parse_date` reads
//! (ISO, `02.08.2023`), German dates with the month's name ("8. November 2015",
//! "22. Mär. 2016") or a two-digit year ("23.02.16", read as 2016), and lines that give
//! only a time relative to now ("vor 8 Stunden").

use crate::load::text;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez",
];

/// The ISO date a short line gives, if any.
pub fn parse(line: &str) -> Option<String> {
    text::parse_date(line)
        .or_else(|| named_month(line))
        .or_else(|| short_year(line))
}

/// "23.02.16", "10.12.15 | 17:45 Uhr": day, month and a two-digit year of this century.
fn short_year(line: &str) -> Option<String> {
    line.split(|c: char| c.is_whitespace() || c == '|' || c == ',')
        .find_map(|word| {
            let mut parts = word.split('.');
            let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
            let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
            if parts.next().is_some() || !(two_digits(d) && two_digits(m) && two_digits(y)) {
                return None;
            }
            let (day, month): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
            ((1..=31).contains(&day) && (1..=12).contains(&month)).then(|| format!("20{y}-{m}-{d}"))
        })
}

/// "8. November 2015", "Sonntag, 8. November 2015 12:19", "22. Mär. 2016 - 10:02".
fn named_month(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        let day: u32 = w[0].strip_suffix('.')?.parse().ok()?;
        let month_word = w[1].trim_end_matches('.').to_lowercase();
        let month = MONTHS.iter().position(|m| month_word.starts_with(m))? + 1;
        let year: u32 = w[2].trim_end_matches([',', '.']).parse().ok()?;
        ((1..=31).contains(&day) && (1900..2100).contains(&year))
            .then(|| format!("{year}-{month:02}-{day:02}"))
    })
}

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
    words.len() <= 8 && (relative || today || parse(text).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_month_names() {
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
