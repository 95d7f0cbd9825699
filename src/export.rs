//! `kiosk export`: the parsed articles as JSON (one array) or JSON lines (DESIGN.md §3),
//! optionally filtered by country and speaker.

use std::io::{self, Write};

use crate::bytes::{BLOCK, block_at, block_bits};
use crate::extract::countries::{self, CountryCode};
use crate::extract::speakers::name_matches;
use crate::model::{Article, CountryCount, Quote, Speaker};

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

/// One article as compact JSON (DESIGN.md §3), for [`Exporter::write_json`]: the bytes
/// of `serde_json::to_vec(article)`, written by [`Json`] (see there why).
pub fn to_json(article: &Article) -> io::Result<Vec<u8>> {
    let mut json = Json(Vec::with_capacity(article.text_len() + 1024));
    json.article(article);
    Ok(json.0)
}

/// Writes the export's JSON by hand, the fields in the order of `model.rs`, exactly as
/// serde's derive and serde_json write them (a test holds the two together). Why not
/// serde: its string escaping reads a byte at a time, and the export is mostly article
/// text; here a block of sixteen bytes with nothing to escape is copied at once, which
/// made serialising a fifth as dear.
struct Json(Vec<u8>);

impl Json {
    fn article(&mut self, a: &Article) {
        self.raw("{\"id\":");
        self.string(&a.id);
        self.raw(",\"path\":");
        self.string(&a.path);
        self.raw(",\"title\":");
        self.string(&a.title);
        self.raw(",\"title_inferred\":");
        self.raw(if a.title_inferred { "true" } else { "false" });
        self.raw(",\"date\":");
        self.option(a.date.as_deref());
        self.raw(",\"lead\":");
        self.option(a.lead.as_deref());
        self.raw(",\"sections\":");
        self.list(&a.sections, |json, section| {
            json.raw("{\"heading\":");
            json.option(section.heading.as_deref());
            json.raw(",\"paragraphs\":");
            json.list(&section.paragraphs, |json, p| json.string(p));
            json.raw("}");
        });
        self.raw(",\"captions\":");
        self.list(&a.captions, |json, caption| json.string(caption));
        self.raw(",\"sources\":");
        self.list(&a.sources, |json, source| json.string(source));
        self.raw(",\"countries\":");
        self.list(&a.countries, Json::country);
        self.raw(",\"quotes\":");
        self.list(&a.quotes, Json::quote);
        self.raw(",\"speakers\":");
        self.list(&a.speakers, Json::speaker);
        let extras = [
            ("kicker", &a.kicker),
            ("dateline", &a.dateline),
            ("url", &a.url),
            ("source_domain", &a.source_domain),
        ];
        for (name, value) in extras {
            if let Some(value) = value {
                self.raw(",\"");
                self.raw(name);
                self.raw("\":");
                self.string(value);
            }
        }
        self.raw("}");
    }

    fn country(&mut self, c: &CountryCount) {
        self.raw("{\"code\":");
        self.string(&c.code);
        self.raw(",\"name\":");
        self.string(&c.name);
        self.raw(",\"mentions\":");
        self.number(c.mentions as usize);
        self.raw("}");
    }

    fn quote(&mut self, q: &Quote) {
        self.raw("{\"speaker\":");
        self.option(q.speaker.as_deref());
        self.raw(",\"cue\":");
        self.option(q.cue.as_deref());
        self.raw(",\"text\":");
        self.string(&q.text);
        self.raw(",\"section\":");
        self.number(q.section);
        self.raw(",\"paragraph\":");
        self.number(q.paragraph);
        self.raw(",\"start\":");
        self.number(q.start);
        self.raw(",\"end\":");
        self.number(q.end);
        self.raw("}");
    }

    fn speaker(&mut self, s: &Speaker) {
        self.raw("{\"name\":");
        self.string(&s.name);
        self.raw(",\"role\":");
        self.option(s.role.as_deref());
        self.raw(",\"organization\":");
        self.option(s.organization.as_deref());
        self.raw(",\"kind\":");
        self.string(s.kind.as_str());
        self.raw(",\"quotes\":");
        self.number(s.quotes);
        self.raw("}");
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Json, &T)) {
        self.raw("[");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            item(self, x);
        }
        self.raw("]");
    }

    fn option(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.raw("null"),
        }
    }

    fn number(&mut self, n: usize) {
        use std::io::Write as _;
        // (writing into a Vec cannot fail)
        let _ = write!(self.0, "{n}");
    }

    fn raw(&mut self, text: &str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    /// A JSON string: `"` and `\\` escaped with a backslash, the controls below U+20 as
    /// `\b \t \n \f \r` or `\u00xx`, everything else as it is.
    fn string(&mut self, text: &str) {
        let (out, bytes) = (&mut self.0, text.as_bytes());
        out.push(b'"');
        let (mut copied, mut i) = (0, 0);
        while i < bytes.len() {
            if block_at(bytes, i).is_some_and(|block| block_bits(block, needs_escape) == 0) {
                i += BLOCK;
                continue;
            }
            for (at, &b) in bytes.iter().enumerate().skip(i).take(BLOCK) {
                if needs_escape(b) {
                    out.extend_from_slice(&bytes[copied..at]);
                    escape(out, b);
                    copied = at + 1;
                }
            }
            i += BLOCK;
        }
        out.extend_from_slice(&bytes[copied..]);
        out.push(b'"');
    }
}

/// (`|`, not `||`: see [`block_bits`])
fn needs_escape(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

fn escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        b'\t' => b't',
        b'\n' => b'n',
        0x0c => b'f',
        b'\r' => b'r',
        _ => {
            let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
            out.extend_from_slice(b"\\u00");
            out.extend_from_slice(&hex);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
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
    use crate::model::{Section, SpeakerKind};

    fn serde_bytes(article: &Article) -> Vec<u8> {
        serde_json::to_vec(article).unwrap()
    }

    /// Every field set, and strings with every kind of char the escaping treats apart:
    /// a field added to the model without a line here fails this test.
    #[test]
    fn writes_what_serde_writes() {
        let odd = "\"Zitat\" \\ back\u{8}\t\n\u{c}\r\u{0}\u{1f}\u{7f} äöü € 😀 „«»“ long enough to fill a block or two";
        let article = Article {
            id: "id\"1".into(),
            path: "a/b\\c.txt".into(),
            title: odd.into(),
            title_inferred: true,
            date: Some("2023-08-02".into()),
            lead: Some(odd.repeat(3)),
            sections: vec![
                Section {
                    heading: None,
                    paragraphs: vec![odd.into(), String::new(), "x".into()],
                },
                Section {
                    heading: Some("Heading".into()),
                    paragraphs: vec![],
                },
            ],
            captions: vec![odd.into()],
            sources: vec!["dpa".into(), "AFP".into()],
            countries: vec![CountryCount {
                code: "RU".into(),
                name: "Russland".into(),
                mentions: 31,
            }],
            quotes: vec![Quote {
                speaker: Some("Nadine Godehardt".into()),
                cue: None,
                text: odd.into(),
                section: 1,
                paragraph: 2,
                start: 0,
                end: 180,
            }],
            speakers: vec![Speaker {
                name: "Nadine Godehardt".into(),
                role: Some("Chinaforscherin".into()),
                organization: None,
                kind: SpeakerKind::Expert,
                quotes: 3,
            }],
            kicker: Some("Kicker".into()),
            dateline: Some("Wien".into()),
            url: Some("https://example.org/a?b=\"c\"".into()),
            source_domain: Some("example.org".into()),
        };
        assert_eq!(to_json(&article).unwrap(), serde_bytes(&article));
        let bare = Article::default();
        assert_eq!(to_json(&bare).unwrap(), serde_bytes(&bare));
    }

    #[test]
    fn writes_the_seeds_as_serde_does() {
        for mut article in crate::load::seeds() {
            crate::extract::annotate(&mut article);
            assert_eq!(
                to_json(&article).unwrap(),
                serde_bytes(&article),
                "{}",
                article.id
            );
        }
    }
}
