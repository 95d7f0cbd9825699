//! Which part of the page is the article: Mozilla Readability's scoring. Every paragraph
//! of 25 characters or more scores 1, plus one per comma, plus one per 100 characters (up
//! to 3); its container gets the score, the next one up half, further ones a third per
//! level. A container starts from its tag and its class and id words, and its total is
//! cut by its share of link text. The best container wins, with those of its siblings
//! that score close to it or read like paragraphs.

use super::blocks::{Kind, Page};

/// The indices of the blocks that lie inside the article's containers, in page order.
/// Empty when no paragraph scores at all.
pub fn content(page: &Page, headline: Option<&str>) -> Vec<usize> {
    let mut scores = container_scores(page);
    if let Some(headline) = headline {
        headline_bonus(page, headline, &mut scores);
    }
    let Some(top) = best(page, &scores) else {
        return Vec::new();
    };
    let spans = article_spans(page, &scores, top);
    page.blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| spans.iter().any(|&(a, b)| (a..b).contains(&block.element)))
        .map(|(i, _)| i)
        .collect()
}

/// The article starts under its headline: the container of the first paragraph of
/// prose after the `<h1>` that states the headline gains what a content class name gives
/// (+25, half of it one level up). A one-paragraph report then beats a list of teasers
/// that each score about as much.
fn headline_bonus(page: &Page, headline: &str, scores: &mut [Option<f32>]) {
    let Some(h1) = page
        .blocks
        .iter()
        .position(|b| b.kind == Kind::Heading(1) && same_text(&b.text, headline))
    else {
        return;
    };
    let first = page.blocks[h1 + 1..]
        .iter()
        .take(12)
        .find(|b| b.kind == Kind::Paragraph && b.chars >= 80 && b.link_chars * 4 < b.chars);
    let Some(first) = first else { return };
    let mut ancestor = paragraph_container(page, first.element);
    for bonus in [25.0, 12.5] {
        let Some(index) = ancestor else { break };
        if let Some(score) = scores[index].as_mut() {
            *score += bonus * (1.0 - link_density(page, index));
        }
        ancestor = page.elements[index].parent;
    }
}

/// Whether two texts have the same letters and digits, ignoring case and punctuation.
pub fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    norm(a) == norm(b)
}

/// The first container that a paragraph in `element` gives its score to: the parent of a
/// `<p>` or of a block with no block inside, else the element itself (text mixed with
/// blocks).
fn paragraph_container(page: &Page, element: usize) -> Option<usize> {
    let el = &page.elements[element];
    if el.tag == "p" || el.end == element + 1 {
        el.parent
    } else {
        Some(element)
    }
}

/// Each element's score, `None` for elements that hold no scored paragraph.
fn container_scores(page: &Page) -> Vec<Option<f32>> {
    let mut scores: Vec<Option<f32>> = vec![None; page.elements.len()];
    for block in &page.blocks {
        if block.chars < 25 || !matches!(block.kind, Kind::Paragraph | Kind::Quote | Kind::Cell) {
            continue;
        }
        let commas = block.text.matches([',', '，']).count() as f32;
        let score = 1.0 + commas + (block.chars as f32 / 100.0).floor().min(3.0);
        let mut ancestor = paragraph_container(page, block.element);
        for level in 0..5 {
            let Some(index) = ancestor else { break };
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            let entry = scores[index].get_or_insert_with(|| initial_score(page, index));
            *entry += score / divider;
            ancestor = page.elements[index].parent;
        }
    }
    for (index, score) in scores.iter_mut().enumerate() {
        if let Some(score) = score {
            *score *= 1.0 - link_density(page, index);
        }
    }
    scores
}

/// The start of a container's score: by tag, and by class and id words, these counted
/// in full only for containers with 500 characters of text or more (a class name counts
/// for no more than the text it labels: a "content" box of one line is not the article).
fn initial_score(page: &Page, index: usize) -> f32 {
    let element = &page.elements[index];
    let text_share = (element.chars as f32 / 500.0).min(1.0);
    let by_tag = match element.tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + element.weight * text_share
}

/// The share of an element's text that sits inside links.
pub fn link_density(page: &Page, index: usize) -> f32 {
    let element = &page.elements[index];
    if element.chars == 0 {
        return 0.0;
    }
    element.link_chars as f32 / element.chars as f32
}

/// The best-scoring container, moved up to its parent when the parent scores nearly as
/// well (the article is split over several children) or holds nothing else.
fn best(page: &Page, scores: &[Option<f32>]) -> Option<usize> {
    let (mut top, top_score) = scores
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let mut last = top_score;
    let mut parent = page.elements[top].parent;
    while let Some(p) = parent.filter(|&p| page.elements[p].tag != "body") {
        match scores[p] {
            None => {}
            Some(score) if score < last / 3.0 => break,
            Some(score) if score > last => {
                top = p;
                break;
            }
            Some(score) => last = score,
        }
        parent = page.elements[p].parent;
    }
    let mut child_counts = vec![0usize; page.elements.len()];
    for element in &page.elements {
        if let Some(p) = element.parent {
            child_counts[p] += 1;
        }
    }
    while let Some(p) = page.elements[top].parent {
        let only_child = page.elements[p].tag != "body" && child_counts[p] == 1;
        if !only_child {
            break;
        }
        top = p;
    }
    Some(top)
}

/// The element spans (`index..end`) that make up the article: the best container and
/// its siblings that score at least a fifth of it or are paragraphs of prose.
fn article_spans(page: &Page, scores: &[Option<f32>], top: usize) -> Vec<(usize, usize)> {
    let span = |i: usize| (i, page.elements[i].end);
    let Some(parent) = page.elements[top].parent else {
        return vec![span(top)];
    };
    let top_score = scores[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let mut last_block = vec![None; page.elements.len()];
    for (i, block) in page.blocks.iter().enumerate() {
        last_block[block.element] = Some(i);
    }
    children(page, parent)
        .filter(|&sibling| {
            sibling == top
                || scores[sibling].is_some_and(|s| s >= threshold)
                || reads_like_prose(page, sibling, last_block[sibling])
        })
        .map(span)
        .collect()
}

/// A paragraph (a `<p>`, or a block element with no block inside, which Readability
/// turns into one) of 80 characters or more with few links, or a shorter one with no
/// link that ends a sentence.
fn reads_like_prose(page: &Page, index: usize, last_block: Option<usize>) -> bool {
    let element = &page.elements[index];
    let is_leaf = element.end == index + 1;
    if element.tag != "p" && !(is_leaf && matches!(element.tag, "div" | "section")) {
        return false;
    }
    let density = link_density(page, index);
    let ends_sentence =
        last_block.is_some_and(|b| page.blocks[b].text.ends_with(['.', '!', '?', '“', '"']));
    (element.chars >= 80 && density < 0.25) || (density == 0.0 && ends_sentence)
}

/// The block-level children of element `parent`.
fn children<'p>(page: &'p Page, parent: usize) -> impl Iterator<Item = usize> + 'p {
    (parent + 1..page.elements[parent].end)
        .filter(move |&i| page.elements[i].parent == Some(parent))
}
