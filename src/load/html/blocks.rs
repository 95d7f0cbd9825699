//! The page as flat lists: the block-level elements that can hold article text, each with
//! its parent and the span of its descendants, and the runs of text ("blocks") with the
//! element each belongs to. Scripts, styles, forms' controls, navigation, hidden elements
//! and containers whose class or id marks boilerplate are left out. The walk is iterative
//! (ego-tree's `traverse`), so a page nested any number of levels deep is safe.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::{hints, tags};

/// A block-level element of the page.
#[derive(Debug)]
pub struct Element<'a> {
    pub tag: &'a str,
    /// Index of the enclosing block-level element in [`Page::elements`].
    pub parent: Option<usize>,
    /// One past the index of this element's last descendant: descendants are `index+1..end`.
    pub end: usize,
    /// Class and id score: +25 content words, −25 boilerplate words.
    pub weight: f32,
    /// Characters of text inside, and of those the ones inside links.
    pub chars: usize,
    pub link_chars: usize,
}

/// What a run of text is, from the elements around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    /// `h1`..`h6`, with the level.
    Heading(u8),
    /// Inside `figure` or `figcaption`.
    Caption,
    ListItem,
    Quote,
    Cell,
}

/// A run of text between block boundaries (or `<br>`).
#[derive(Debug)]
pub struct Block {
    pub text: String,
    /// The innermost block-level element holding it.
    pub element: usize,
    pub kind: Kind,
    pub chars: usize,
    pub link_chars: usize,
    /// Inside an element whose class or id has a boilerplate word.
    pub in_negative: bool,
}

/// The page's elements (in document order) and text blocks.
#[derive(Debug, Default)]
pub struct Page<'a> {
    pub elements: Vec<Element<'a>>,
    pub blocks: Vec<Block>,
    /// Whether the body holds any block-level markup or `<br>`; without it the page is
    /// plain text in a wrapper and line breaks are the only paragraph marks.
    pub has_block_markup: bool,
}

/// What the elements around the walk's position say about the text there.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    link: bool,
    caption: bool,
    heading: u8,
    list: bool,
    quote: bool,
    cell: bool,
    negative: bool,
    article: bool,
}

struct Frame {
    node: ego_tree::NodeId,
    element: Option<usize>,
    context: Context,
}

/// How the walk reads the page.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A line break in the text ends a block (for pages that are plain text in a wrapper).
    pub keep_newlines: bool,
    /// Leave out containers whose class or id marks boilerplate. Readability's second
    /// try turns this off when the first found too little text: a page wrapped whole in
    /// `<div id="bannerframe">` has its article inside the "banner".
    pub skip_unlikely: bool,
}

/// Walks the body of `doc`.
pub fn collect(doc: &Html, options: Options) -> Page<'_> {
    let root = body(doc);
    let mut walk = Walk {
        page: Page::default(),
        stack: Vec::new(),
        text: String::new(),
        link_chars: 0,
        keep_newlines: options.keep_newlines,
    };
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => walk.push_text(&text[..]),
                Node::Element(_) => {
                    let Some(el) = ElementRef::wrap(node) else {
                        continue;
                    };
                    if el.id() != root.id()
                        && tags::is_left_out(el, walk.context().article, options)
                    {
                        skipping = Some(node.id());
                    } else {
                        walk.open(el);
                    }
                }
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => match skipping {
                Some(id) if id == node.id() => skipping = None,
                Some(_) => {}
                None => walk.close(node.id()),
            },
        }
    }
    walk.flush();
    walk.page
}

/// The `<body>`, or the whole document when there is none.
fn body(doc: &Html) -> ego_tree::NodeRef<'_, Node> {
    doc.root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|el| el.value().name() == "body")
        .map_or(*doc.root_element(), |el| *el)
}

struct Walk<'a> {
    page: Page<'a>,
    stack: Vec<Frame>,
    text: String,
    link_chars: usize,
    keep_newlines: bool,
}

impl<'a> Walk<'a> {
    fn context(&self) -> Context {
        self.stack.last().map(|f| f.context).unwrap_or_default()
    }

    fn open(&mut self, el: ElementRef<'a>) {
        let tag = el.value().name();
        if tag == "br" || tag == "hr" {
            self.page.has_block_markup |= !self.stack.is_empty();
            return self.flush();
        }
        let mut context = self.context();
        let names = tags::class_and_id(el);
        let weight = hints::classes().weight(&names);
        context.negative |= weight < 0.0;
        match tag {
            "a" => context.link = true,
            "figure" | "figcaption" => context.caption = true,
            "li" | "dd" | "dt" => context.list = true,
            "blockquote" => context.quote = true,
            "td" | "th" => context.cell = true,
            "article" | "main" => context.article = true,
            _ => {}
        }
        if let Some(level) = tags::heading_level(tag) {
            context.heading = level;
        }
        let element = tags::is_block(tag).then(|| {
            self.flush();
            if !self.stack.is_empty() {
                self.page.has_block_markup = true;
            }
            self.page.elements.push(Element {
                tag,
                parent: self.stack.iter().rev().find_map(|f| f.element),
                end: 0,
                weight,
                chars: 0,
                link_chars: 0,
            });
            self.page.elements.len() - 1
        });
        self.stack.push(Frame {
            node: el.id(),
            element,
            context,
        });
    }

    fn close(&mut self, node: ego_tree::NodeId) {
        if self.stack.last().is_none_or(|f| f.node != node) {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let Some(index) = frame.element else { return };
        self.text_to_block(index, frame.context);
        let end = self.page.elements.len();
        let element = &mut self.page.elements[index];
        element.end = end;
        let (chars, link_chars) = (element.chars, element.link_chars);
        if let Some(parent) = element.parent {
            self.page.elements[parent].chars += chars;
            self.page.elements[parent].link_chars += link_chars;
        }
    }

    fn push_text(&mut self, text: &str) {
        let link = self.context().link;
        for c in text.chars() {
            if c == '\n' && self.keep_newlines {
                self.flush();
            } else if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
                if link {
                    self.link_chars += 1;
                }
            }
        }
    }

    /// Ends the current run of text, giving it to the innermost open block element.
    fn flush(&mut self) {
        match self.stack.iter().rev().find_map(|f| f.element) {
            Some(index) => self.text_to_block(index, self.context()),
            None => {
                self.text.clear();
                self.link_chars = 0;
            }
        }
    }

    fn text_to_block(&mut self, element: usize, context: Context) {
        let text = std::mem::take(&mut self.text);
        let link_chars = std::mem::take(&mut self.link_chars);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        self.page.elements[element].chars += chars;
        self.page.elements[element].link_chars += link_chars;
        self.page.blocks.push(Block {
            text: text.to_owned(),
            element,
            kind: kind_of(context),
            chars,
            link_chars,
            in_negative: context.negative,
        });
    }
}

fn kind_of(context: Context) -> Kind {
    if context.heading > 0 {
        Kind::Heading(context.heading)
    } else if context.caption {
        Kind::Caption
    } else if context.quote {
        Kind::Quote
    } else if context.list {
        Kind::ListItem
    } else if context.cell {
        Kind::Cell
    } else {
        Kind::Paragraph
    }
}
