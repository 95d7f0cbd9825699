//! A byte trie for anchored prefix walks: from one place in a text, which of a fixed set
//! of words begin there. The country matcher walks it from each place a mention may start
//! and the quote lexicon walks it backwards from a word's end. Unlike an Aho-Corasick
//! automaton it has no failure links to compute, so it builds in one pass over the
//! words, and a walk stops at the first byte no word continues with.

/// The trie over a list of words; a word is known by its index in that list. The
/// children of a node are numbered one after another, so a child is found by the place
/// of its byte among its siblings'.
#[derive(Debug, Clone)]
pub struct Trie {
    nodes: Vec<Node>,
    /// Rows of 256 children (`NONE` for none) for the nodes with many children.
    dense: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    /// The first child, or (when `len` is [`DENSE`]) the row of children in `dense`.
    first: u32,
    /// The word that ends here.
    word: u32,
    /// The bytes of the children, in their order.
    bytes: [u8; SPARSE_MAX],
    /// How many children: the first `len` of `bytes`, or [`DENSE`].
    len: u8,
}

const NONE: u32 = u32::MAX;
/// Nodes with more children than this get a row of 256: the root and the first letters.
const SPARSE_MAX: usize = 7;
/// The `len` of a node whose children are in a row of `dense`.
const DENSE: u8 = u8::MAX;

impl Trie {
    /// The trie of `words`; of equal words the first is kept, and the empty word is never
    /// found.
    pub fn new<W: AsRef<[u8]>>(words: &[W]) -> Trie {
        let built = Building::of(words);
        // The nodes in breadth-first order (by their number while building), each one's
        // children together.
        let mut order = vec![0u32];
        let mut trie = Trie {
            nodes: Vec::with_capacity(built.word.len()),
            dense: Vec::new(),
        };
        let mut children = Vec::new();
        let mut at = 0;
        while let Some(&id) = order.get(at) {
            children.clear();
            let mut child = built.first_child[id as usize];
            while child != NONE {
                children.push(built.byte[child as usize]);
                order.push(child);
                child = built.next_sibling[child as usize];
            }
            let first = order.len() - children.len();
            trie.add(built.word[id as usize], first as u32, &children);
            at += 1;
        }
        trie
    }

    /// Adds the next node: its word, and its children's bytes, numbered from `first`.
    fn add(&mut self, word: u32, first: u32, children: &[u8]) {
        let mut node = Node {
            first,
            word,
            bytes: [0; SPARSE_MAX],
            len: children.len() as u8,
        };
        if children.len() > SPARSE_MAX {
            let row = self.dense.len() / 256;
            self.dense.resize(self.dense.len() + 256, NONE);
            for (k, &b) in children.iter().enumerate() {
                self.dense[row * 256 + usize::from(b)] = first + k as u32;
            }
            node.first = row as u32;
            node.len = DENSE;
        } else {
            node.bytes[..children.len()].copy_from_slice(children);
        }
        self.nodes.push(node);
    }

    /// The child of `node` by byte `b`.
    #[inline]
    fn child(&self, node: &Node, b: u8) -> Option<u32> {
        let first = node.first as usize;
        if node.len == DENSE {
            let next = *self.dense.get(first * 256 + usize::from(b))?;
            return (next != NONE).then_some(next);
        }
        let bytes = node.bytes.get(..usize::from(node.len))?;
        let k = bytes.iter().position(|&x| x == b)?;
        Some(node.first + k as u32)
    }

    /// Walks `bytes` from the root and calls `f` with the length and the index of every
    /// word they begin with, shortest first, until `f` returns true; whether it did.
    #[inline]
    pub fn walk(
        &self,
        bytes: impl IntoIterator<Item = u8>,
        mut f: impl FnMut(usize, u32) -> bool,
    ) -> bool {
        let Some(mut node) = self.nodes.first() else {
            return false;
        };
        for (k, b) in bytes.into_iter().enumerate() {
            let Some(next) = self.child(node, b) else {
                return false;
            };
            node = &self.nodes[next as usize];
            if node.word != NONE && f(k + 1, node.word) {
                return true;
            }
        }
        false
    }

    /// The bytes the trie takes in memory.
    pub fn memory_usage(&self) -> usize {
        self.nodes.len() * std::mem::size_of::<Node>() + self.dense.len() * 4
    }
}

/// The trie while words are added: each node's children in a list of siblings, the
/// root's in a table.
struct Building {
    first_child: Vec<u32>,
    next_sibling: Vec<u32>,
    /// The byte that leads to each node.
    byte: Vec<u8>,
    word: Vec<u32>,
    root: [u32; 256],
}

impl Building {
    fn of<W: AsRef<[u8]>>(words: &[W]) -> Building {
        let mut built = Building {
            first_child: vec![NONE],
            next_sibling: vec![NONE],
            byte: vec![0],
            word: vec![NONE],
            root: [NONE; 256],
        };
        for (i, word) in words.iter().enumerate() {
            let mut node = 0;
            for &b in word.as_ref() {
                node = built.child(node, b);
            }
            if built.word[node as usize] == NONE {
                built.word[node as usize] = i as u32;
            }
        }
        built
    }

    /// The child of `node` by `b`, made when there is none.
    fn child(&mut self, node: u32, b: u8) -> u32 {
        let found = if node == 0 {
            self.root[usize::from(b)]
        } else {
            let mut child = self.first_child[node as usize];
            while child != NONE && self.byte[child as usize] != b {
                child = self.next_sibling[child as usize];
            }
            child
        };
        if found != NONE {
            return found;
        }
        let new = self.word.len() as u32;
        self.next_sibling.push(self.first_child[node as usize]);
        self.first_child[node as usize] = new;
        if node == 0 {
            self.root[usize::from(b)] = new;
        }
        self.first_child.push(NONE);
        self.byte.push(b);
        self.word.push(NONE);
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes(trie: &Trie, text: &str) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        trie.walk(text.bytes(), |len, word| {
            out.push((len, word));
            false
        });
        out
    }

    #[test]
    fn every_word_a_text_begins_with_is_found_shortest_first() {
        let words = [
            "Iran",
            "Irak",
            "I",
            "Iraner",
            "Ukraine",
            "Iran",
            "",
            "Südkorea",
        ];
        let trie = Trie::new(&words);
        assert_eq!(prefixes(&trie, "Iraner sagen"), [(1, 2), (4, 0), (6, 3)]);
        assert_eq!(prefixes(&trie, "Irakische"), [(1, 2), (4, 1)]);
        assert_eq!(prefixes(&trie, "Südkorea."), [(9, 7)]);
        assert_eq!(prefixes(&trie, "Ukrain"), []);
        assert_eq!(prefixes(&trie, "x"), []);
    }

    #[test]
    fn a_walk_stops_when_asked() {
        let trie = Trie::new(&["a", "ab", "abc"]);
        let mut seen = 0;
        assert!(trie.walk("abcd".bytes(), |len, _| {
            seen += 1;
            len == 2
        }));
        assert_eq!(seen, 2);
        assert!(!Trie::new::<&str>(&[]).walk("a".bytes(), |_, _| true));
    }

    #[test]
    fn many_children_agree_with_few() {
        let words: Vec<String> = (b'a'..=b'z')
            .flat_map(|a| (b'a'..=b'z').map(move |b| format!("{}{}", a as char, b as char)))
            .collect();
        let trie = Trie::new(&words);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(prefixes(&trie, &format!("{w}!")), [(2, i as u32)], "{w}");
        }
        assert_eq!(prefixes(&trie, "a{"), []);
    }
}
