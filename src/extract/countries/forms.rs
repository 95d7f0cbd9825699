//! The rules that turn the gazetteer's stems into the forms a text uses: German case
//! endings of names, adjective endings, demonym plurals and feminines, capital adjectives,
//! English plurals, and the `{a|b}` alternatives of the data file.

use super::data::Field;

/// What a form is; decides which case variants and compounds it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Kind {
    /// A German or English name of the country (Russland, Russia).
    Name,
    /// An adjective or demonym (russische, Russen, Russian).
    Adjective,
    /// The capital or its adjective (Moskau, Moskauer, Moscow).
    Capital,
    /// A government metonym (Kreml, Weißes Haus).
    Metonym,
    /// A phrase that is no mention (Südchinesisches Meer).
    Blocker,
    /// A compass prefix (Ost, Nord) that may lead a compound with a country name.
    Compass,
}

/// Expands `{a|b|}` alternatives: `Meer{|es}` -> `Meer`, `Meeres`.
pub(super) fn expand_braces(value: &str) -> Vec<String> {
    let Some(open) = value.find('{') else {
        return vec![value.to_string()];
    };
    let Some(close) = value[open..].find('}').map(|c| open + c) else {
        return vec![value.to_string()];
    };
    let (head, tail) = (&value[..open], &value[close + 1..]);
    let rests = expand_braces(tail);
    value[open + 1..close]
        .split('|')
        .flat_map(|alt| rests.iter().map(move |rest| [head, alt, rest].concat()))
        .collect()
}

/// The forms one gazetteer value gives, with their kind. `Weak`/`Shy` values are names.
pub(super) fn forms_of(field: Field, value: &str) -> Vec<(String, Kind)> {
    let mut out = Vec::new();
    for v in expand_braces(value) {
        let v = v.as_str();
        match field {
            Field::De | Field::Weak | Field::Shy => push(&mut out, german_name(v), Kind::Name),
            Field::En => push(&mut out, vec![v.to_string()], Kind::Name),
            Field::Adj => push(&mut out, adjective(v), Kind::Adjective),
            Field::Dem => push(&mut out, demonym(v), Kind::Adjective),
            Field::EnAdj => push(&mut out, english_adjective(v), Kind::Adjective),
            Field::Cap => {
                push(&mut out, german_name(v), Kind::Capital);
                push(&mut out, capital_adjective(v), Kind::Capital);
            }
            Field::CapAdj => push(&mut out, invariant_adjective(v), Kind::Capital),
            Field::EnCap => push(&mut out, vec![v.to_string()], Kind::Capital),
            Field::Meto => push(&mut out, german_name(v), Kind::Metonym),
            Field::Not => push(&mut out, vec![v.to_string()], Kind::Blocker),
            Field::Status => {}
        }
    }
    out
}

fn push(out: &mut Vec<(String, Kind)>, forms: Vec<String>, kind: Kind) {
    out.extend(forms.into_iter().map(|f| (f, kind)));
}

/// A German name and its case forms: genitive -s (not after s, x, z, ß), the dative
/// plural -n of a name in -e (Niederlanden), and the weak -en of the adjectives that
/// lead a name of several words (Vereinigten Staaten, Demokratischen Republik Kongo).
pub(super) fn german_name(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let Some((last, leading)) = words.split_last() else {
        return Vec::new();
    };
    let mut heads = vec![String::new()];
    for word in leading {
        let mut next = Vec::new();
        for head in &heads {
            for w in leading_word_forms(word) {
                next.push([head, w.as_str(), " "].concat());
            }
        }
        heads = next;
    }
    let mut tails = vec![last.to_string()];
    if !last.ends_with(['s', 'x', 'z', 'ß', '.']) && last.chars().any(char::is_alphabetic) {
        tails.push(cat(last, "s"));
    }
    if last.ends_with('e') {
        tails.push(cat(last, "n"));
    }
    if last.ends_with("reich") || last.ends_with("land") {
        tails.push(cat(last, "es"));
    }
    let mut out = Vec::new();
    for head in &heads {
        for tail in &tails {
            out.push(cat(head, tail));
        }
    }
    out
}

/// An adjective leading a name: Vereinigte / Vereinigten, Vereinigtes / Vereinigten.
fn leading_word_forms(word: &str) -> Vec<String> {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if capitalised && word.ends_with("es") && word.len() > 4 {
        vec![word.to_string(), cat(&word[..word.len() - 1], "n")]
    } else if capitalised && word.ends_with('e') && word.len() > 3 {
        vec![word.to_string(), cat(word, "n")]
    } else {
        vec![word.to_string()]
    }
}

/// An adjective stem and its endings: russisch, russische, -en, -er, -es, -em.
pub(super) fn adjective(stem: &str) -> Vec<String> {
    ["", "e", "en", "er", "es", "em"]
        .iter()
        .map(|ending| cat(stem, ending))
        .collect()
}

/// An adjective that does not inflect (Moskauer, Schweizer), with the noun's -s and -n
/// (eines Berliners, den Berlinern).
fn invariant_adjective(word: &str) -> Vec<String> {
    vec![word.to_string(), cat(word, "s"), cat(word, "n")]
}

/// A capital's adjective: the name + -er (Moskauer, Pekinger, Kairoer); none for names of
/// several words or with punctuation.
fn capital_adjective(capital: &str) -> Vec<String> {
    if capital.contains([' ', '-', '.', '\'', '’']) {
        return Vec::new();
    }
    let base = capital.strip_suffix('e').unwrap_or(capital);
    invariant_adjective(&cat(base, "er"))
}

/// A German demonym and its forms by ending:
/// Russe -> Russen, Russin, Russinnen; Iraner -> Iraners, Iranern, Iranerin, Iranerinnen;
/// Israeli -> Israelis, Israelin; Ungar -> Ungarn, Ungarin; a given feminine (Französin)
/// -> Französinnen.
pub(super) fn demonym(word: &str) -> Vec<String> {
    let feminine = |stem: &str| [cat(stem, "in"), cat(stem, "innen")];
    let mut out = vec![word.to_string()];
    if word.ends_with("in") && !word.ends_with("ein") {
        out.push(cat(word, "nen"));
    } else if let Some(stem) = word.strip_suffix('e') {
        out.push(cat(word, "n"));
        out.extend(feminine(stem));
    } else if word.ends_with("er") {
        out.extend([cat(word, "s"), cat(word, "n")]);
        out.extend(feminine(word));
    } else if word.ends_with('i') || word.ends_with('o') || word.ends_with('a') {
        out.push(cat(word, "s"));
        out.extend([cat(word, "n"), cat(word, "nnen")]);
    } else {
        out.extend([cat(word, "en"), cat(word, "n"), cat(word, "s")]);
        out.extend(feminine(word));
    }
    out
}

/// An English adjective or demonym and its plural: Russian -> Russians; none after
/// -s, -sh, -ch, -ese (Swiss, British, French, Chinese); Frenchman takes no -s.
pub(super) fn english_adjective(word: &str) -> Vec<String> {
    let no_plural = ["s", "sh", "ch", "ese", "man", "men", "x", "z"];
    if no_plural.iter().any(|e| word.ends_with(e)) {
        vec![word.to_string()]
    } else {
        vec![word.to_string(), cat(word, "s")]
    }
}

/// The same word with its first letter in upper case (russische -> Russische).
pub(super) fn capitalised(word: &str) -> Option<String> {
    let first = word.chars().next()?;
    first
        .is_lowercase()
        .then(|| with_first(first.to_uppercase(), &word[first.len_utf8()..]))
}

/// The same word with its first letter in lower case (Ukraine -> ukraine).
pub(super) fn decapitalised(word: &str) -> Option<String> {
    let first = word.chars().next()?;
    first
        .is_uppercase()
        .then(|| with_first(first.to_lowercase(), &word[first.len_utf8()..]))
}

/// `first` (a letter's case mapping, perhaps of several chars) and then `rest`, in a
/// string allocated once.
fn with_first(first: impl Iterator<Item = char>, rest: &str) -> String {
    let mut out = String::with_capacity(rest.len() + 4);
    out.extend(first);
    out.push_str(rest);
    out
}

/// A word and an ending joined: `format!` costs several times more, and the gazetteer
/// joins thousands.
fn cat(word: &str, ending: &str) -> String {
    [word, ending].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_expand_every_combination() {
        let mut got = expand_braces("{S|s}üdchinesische{|n} Meer");
        got.sort();
        let want = [
            "Südchinesische Meer",
            "Südchinesischen Meer",
            "südchinesische Meer",
            "südchinesischen Meer",
        ];
        assert_eq!(got, want);
        assert_eq!(expand_braces("Kreml"), ["Kreml"]);
    }

    #[test]
    fn names_take_case_endings() {
        assert_eq!(
            german_name("Russland"),
            ["Russland", "Russlands", "Russlandes"]
        );
        assert_eq!(german_name("Schweiz"), ["Schweiz"]);
        assert!(german_name("Niederlande").contains(&"Niederlanden".to_string()));
        let usa = german_name("Vereinigte Staaten");
        assert!(usa.contains(&"Vereinigten Staaten".to_string()));
        let uk = german_name("Vereinigtes Königreich");
        assert!(uk.contains(&"Vereinigten Königreichs".to_string()));
    }

    #[test]
    fn adjectives_and_demonyms_inflect() {
        assert!(adjective("russisch").contains(&"russischen".to_string()));
        assert!(demonym("Russe").contains(&"Russinnen".to_string()));
        assert!(demonym("Iraner").contains(&"Iranerin".to_string()));
        assert!(demonym("Israeli").contains(&"Israelis".to_string()));
        assert!(demonym("Ungar").contains(&"Ungarn".to_string()));
        assert_eq!(demonym("Französin"), ["Französin", "Französinnen"]);
        assert_eq!(capital_adjective("Moskau")[0], "Moskauer");
        assert!(capital_adjective("Buenos Aires").is_empty());
        assert_eq!(english_adjective("Chinese"), ["Chinese"]);
        assert_eq!(english_adjective("Russian"), ["Russian", "Russians"]);
    }
}
