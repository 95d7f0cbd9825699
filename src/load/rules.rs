//! Reading the loader's data files in `assets/`: `[section]` lines, then one entry a
//! line; blank lines and lines starting with `#` are skipped.

/// The sections of a data file in order, each with its entries (trimmed).
pub(crate) fn sections(text: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((name.trim(), Vec::new()));
        } else if let Some((_, entries)) = out.last_mut() {
            entries.push(line);
        }
    }
    out
}

/// The entries of one section (empty when the file has no such section).
pub(crate) fn section(text: &'static str, name: &str) -> Vec<&'static str> {
    sections(text)
        .into_iter()
        .filter(|(n, _)| *n == name)
        .flat_map(|(_, entries)| entries)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_and_skips_comments() {
        let text = "# about\n[a]\nx\n\n# note\ny\n[b]\nz\n";
        assert_eq!(
            sections(text),
            vec![("a", vec!["x", "y"]), ("b", vec!["z"])]
        );
        assert_eq!(section(text, "b"), vec!["z"]);
        assert!(section(text, "c").is_empty());
    }
}
