//! `kiosk export`: the parsed articles as JSON (one array) or JSON lines (DESIGN.md §3),
//! optionally filtered by country and speaker.

use std::io::{self, Write};

use crate::extract::countries::{self, CountryCode};
use crate::extract::speakers::name_matches;
use crate::model::Article;

/// The two output shapes of `kiosk export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON array of all articles.
    #[default]
    Json,
    /// One article per line.
    Jsonl,
}

/// Which articles to export: all of the countries must be mentioned and the speaker
/// (full name or surname) quoted.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub countries: Vec<CountryCode>,
    pub speaker: Option<String>,
}

impl Filter {
    /// Builds a filter from the command line's values; an unknown country is an error
    /// that names it.
    pub fn new(countries: &[String], speaker: Option<&str>) -> Result<Filter, String> {
        let countries = countries
            .iter()
            .map(|q| countries::resolve(q).ok_or_else(|| format!("unknown country: {q}")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Filter {
            countries,
            speaker: speaker.map(str::to_string),
        })
    }

    pub fn matches(&self, article: &Article) -> bool {
        let has_countries = self
            .countries
            .iter()
            .all(|code| article.countries.iter().any(|c| c.code == code.as_str()));
        // the full name or a surname, accents and case aside
        let has_speaker = self.speaker.as_ref().is_none_or(|query| {
            article
                .speakers
                .iter()
                .any(|s| name_matches(&s.name, query))
        });
        has_countries && has_speaker
    }
}

/// One article as compact JSON (DESIGN.md §3), for [`Exporter::write_json`]: the same
/// bytes `serde_json::to_vec` writes (tested below), from the same serde derives.
///
/// Why sonic-rs here: serde_json checks every byte of every string for escapes one at a
/// time, which was 8 % of all the work of exporting the 10k bench corpus; sonic-rs
/// checks many bytes per step and cut that run by 5 % of its instructions.
pub fn to_json(article: &Article) -> io::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(article.text_len() + 1024);
    sonic_rs::to_writer(&mut json, article).map_err(io::Error::other)?;
    Ok(json)
}

/// Writes articles one at a time as they come, so memory does not grow with the output.
pub struct Exporter<W: Write> {
    out: W,
    format: ExportFormat,
    written: usize,
}

impl<W: Write> Exporter<W> {
    pub fn new(out: W, format: ExportFormat) -> Self {
        Exporter {
            out,
            format,
            written: 0,
        }
    }

    /// Writes one article already serialised by [`to_json`] (so that serialising can
    /// run on many threads while the output stays in order).
    pub fn write_json(&mut self, json: &[u8]) -> io::Result<()> {
        match self.format {
            ExportFormat::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
            }
            ExportFormat::Jsonl => {}
        }
        self.out.write_all(json)?;
        if self.format == ExportFormat::Jsonl {
            self.out.write_all(b"\n")?;
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the array (for JSON) and flushes; returns how many articles were written.
    pub fn finish(mut self) -> io::Result<usize> {
        if self.format == ExportFormat::Json {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CountryCount, Quote, Section, Speaker, SpeakerKind};

    /// Strings with every ASCII byte (each control character is escaped its own way),
    /// quotes and backslashes, and letters of two, three and four bytes, at every length
    /// up to a few SIMD blocks, so that escapes fall at every offset of a block.
    fn awkward_strings() -> Vec<String> {
        let ascii: String = (0u8..=0x7f).map(char::from).collect();
        let mut strings = vec![
            String::new(),
            ascii.clone(),
            ascii.chars().rev().collect(),
            "„Zitat“ – »Wort« \u{2028}\u{2029} ß € 𝄞 \\ \"".into(),
        ];
        for len in 0..70 {
            for special in ['"', '\\', '\n', '\u{1}', '\u{7f}', 'é', '€', '𝄞'] {
                let mut s: String = "abcdefghij".chars().cycle().take(len).collect();
                s.push(special);
                s.push_str("xyz");
                strings.push(s);
            }
        }
        strings
    }

    #[test]
    fn json_is_what_serde_json_writes() {
        let strings = awkward_strings();
        let article = Article {
            id: strings[1].clone(),
            path: "dir/a \"b\".txt".into(),
            title: strings[3].clone(),
            title_inferred: true,
            date: Some("2024-01-02".into()),
            lead: None,
            sections: vec![
                Section {
                    heading: Some(strings[2].clone()),
                    paragraphs: strings.clone(),
                },
                Section::default(),
            ],
            captions: strings[..5].to_vec(),
            sources: Vec::new(),
            countries: vec![CountryCount {
                code: "DE".into(),
                name: "Deutschland".into(),
                mentions: u32::MAX,
            }],
            quotes: vec![Quote {
                speaker: None,
                cue: Some("sagte".into()),
                text: strings[1].clone(),
                section: 0,
                paragraph: usize::MAX,
                start: 0,
                end: 12,
            }],
            speakers: vec![Speaker {
                name: "Ana Ćorić".into(),
                role: None,
                organization: Some("Institut".into()),
                kind: SpeakerKind::Expert,
                quotes: 1,
            }],
            kicker: Some("\u{0}".into()),
            dateline: None,
            url: Some("https://example.org/?a=1&b=\"2\"".into()),
            source_domain: None,
        };
        let ours = to_json(&article).unwrap();
        let theirs = serde_json::to_vec(&article).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }
}
