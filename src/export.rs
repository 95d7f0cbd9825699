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

/// One article as compact JSON (DESIGN.md §3), for [`Exporter::write_json`].
pub fn to_json(article: &Article) -> io::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(article.text_len() + 1024);
    serde_json::to_writer(&mut json, article)?;
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
