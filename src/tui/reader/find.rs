//! Text search, pure: smart-case matching of a query in a text, every match at once or hit by hit
//! from a place, and counting hits a slice at a time. It knows nothing of the reader; the
//! reader's search (`tui::search`) uses it.
//!
//! On an ordinary report the reader finds every match of a query as it is typed ([`find_all`])
//! and keeps them all. On a large one
//! ([`LARGE_TEXT`] bytes or more) that would take seconds per key press and, for a query such as
//! `e`, more memory than the report itself. There the reader keeps only the hit it is on
//! ([`Search::matches`] holds that one), finds the next or previous hit from where it is when
//! asked (`n`, `N`: the work grows with the distance to it, not with the report), and counts
//! every hit in [`COUNT_SLICE`]-byte slices on the event loop's ticks, so keys keep working
//! while it counts. The count is shown in the search prompt as it grows.
//!
//! Matching is the same smart case as everywhere: a query with a capital letter matches
//! exactly; otherwise case is ignored. An ASCII query is found with `memchr` (its letters match
//! ASCII letters of either case); any other query a character at a time.

use std::ops::Range;

/// Texts at least this long (bytes) are searched hit by hit; shorter ones all at once.
pub const LARGE_TEXT: usize = 4 << 20;
/// How many bytes one tick counts hits in.
pub const COUNT_SLICE: usize = 8 << 20;

/// The last search and its matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What was searched for.
    pub query: String,
    /// Byte ranges of every match, in order.
    pub matches: Vec<Range<usize>>,
    /// The match the cursor went to last.
    pub current: Option<usize>,
    /// In a large report, where only the current hit is kept: how many there are, counted so far.
    pub count: Option<Count>,
}

impl Search {
    /// Whether the hits of a large report are still being counted (a tick counts on).
    pub fn counting(&self, text_len: usize) -> bool {
        self.count.is_some_and(|c| c.next < text_len)
    }
}

/// How far the count of a large report's hits has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Hits found so far.
    pub found: usize,
    /// Where counting goes on (a byte offset; the text's length when done).
    pub next: usize,
}

/// Whether `text` is searched hit by hit.
pub fn is_large(text: &str) -> bool {
    text.len() >= LARGE_TEXT
}

/// The count of matches as the search prompt shows it: exact once counted, a lower bound with
/// the share counted so far while counting.
pub fn count_text(search: &Search, text_len: usize) -> String {
    match search.count {
        Some(count) if count.next < text_len => {
            let share = count.next * 100 / text_len.max(1);
            format!("{}+ (counting {share}%)", matches_text(count.found))
        }
        Some(count) => matches_text(count.found),
        None => matches_text(search.matches.len()),
    }
}

/// The hits of a large report's `search` in `text` that overlap the screen row `row` (none on a
/// small report, whose hits are all kept): found in the row's text and a little around it, so
/// drawing a screen costs the same anywhere in any report.
pub fn hits_near(text: &str, search: &Search, row: &Range<usize>) -> Vec<Range<usize>> {
    let query = &search.query;
    if search.count.is_none() || query.is_empty() {
        return Vec::new();
    }
    let reach = query.len() * 4;
    let start = floor_boundary(text, row.start.saturating_sub(reach));
    let end = ceil_boundary(text, row.end.saturating_add(reach));
    let mut hits = Vec::new();
    let mut from = start;
    while let Some(hit) = find_from(&text[..end], query, from) {
        if hit.start >= row.end {
            break;
        }
        from = hit.end;
        if hit.end > row.start {
            hits.push(hit);
        }
    }
    hits
}

/// Every match of `query` in `text`; case-insensitive unless the query has a capital letter
/// (smart case, as in vim and ripgrep).
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    if exact(query) {
        return text
            .match_indices(query)
            .map(|(i, m)| i..i + m.len())
            .collect();
    }
    let mut matches = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let step = text[from..].chars().next().map_or(1, char::len_utf8);
        match match_len(&text[from..], query) {
            Some(len) => {
                matches.push(from..from + len);
                from += len.max(step);
            }
            None => from += step,
        }
    }
    matches
}

/// Whether `query` is matched exactly: it has a capital letter (smart case).
fn exact(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// `no match`, `1 match`, `12 matches`.
pub fn matches_text(n: usize) -> String {
    match n {
        0 => "no match".to_owned(),
        1 => "1 match".to_owned(),
        n => format!("{n} matches"),
    }
}

/// `count` carried on over up to `slice` more bytes of `text`.
pub fn count_slice(text: &str, query: &str, mut count: Count, slice: usize) -> Count {
    let until = ceil_boundary(text, count.next.saturating_add(slice));
    // Room for a hit that starts before `until` and ends after it.
    let window = ceil_boundary(text, until.saturating_add(query.len() * 4));
    while let Some(hit) = find_from(&text[..window], query, count.next) {
        if hit.start >= until {
            break;
        }
        count.found += 1;
        count.next = hit.end;
    }
    count.next = count.next.max(until);
    count
}

/// The first match of `query` in `text` starting at or after byte `from` (a char boundary).
pub fn find_from(text: &str, query: &str, from: usize) -> Option<Range<usize>> {
    if query.is_empty() || from > text.len() {
        return None;
    }
    let hay = &text.as_bytes()[from..];
    if exact(query) {
        let at = memchr::memmem::find(hay, query.as_bytes())?;
        return Some(from + at..from + at + query.len());
    }
    if query.is_ascii() {
        let q = query.as_bytes();
        let (lower, upper) = (q[0].to_ascii_lowercase(), q[0].to_ascii_uppercase());
        return memchr::memchr2_iter(lower, upper, hay)
            .find(|&at| {
                hay[at..]
                    .get(..q.len())
                    .is_some_and(|c| c.eq_ignore_ascii_case(q))
            })
            .map(|at| from + at..from + at + q.len());
    }
    // Any other query: jump between the places its first character (in either case) stands,
    // rather than trying every character of a large report.
    let forms = first_forms(query);
    let next = |form: &str, from: usize| {
        memchr::memmem::find(&text.as_bytes()[from..], form.as_bytes()).map(|at| from + at)
    };
    let mut at: Vec<Option<usize>> = forms.iter().map(|f| next(f, from)).collect();
    loop {
        let (i, start) = at
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.map(|a| (i, a)))
            .min_by_key(|&(_, a)| a)?;
        if let Some(len) = match_len(&text[start..], query) {
            return Some(start..start + len);
        }
        at[i] = next(&forms[i], start + forms[i].len());
    }
}

/// The last match of `query` in `text` that starts before byte `before`.
pub fn find_before(text: &str, query: &str, before: usize) -> Option<Range<usize>> {
    if query.is_empty() {
        return None;
    }
    let before = before.min(text.len());
    let bytes = text.as_bytes();
    if exact(query) {
        let end = (before + query.len()).saturating_sub(1).min(text.len());
        let at = memchr::memmem::rfind(&bytes[..end], query.as_bytes())?;
        return Some(at..at + query.len());
    }
    if query.is_ascii() {
        let q = query.as_bytes();
        let (lower, upper) = (q[0].to_ascii_lowercase(), q[0].to_ascii_uppercase());
        return memchr::memrchr2_iter(lower, upper, &bytes[..before])
            .find(|&at| {
                bytes[at..]
                    .get(..q.len())
                    .is_some_and(|c| c.eq_ignore_ascii_case(q))
            })
            .map(|at| at..at + q.len());
    }
    let forms = first_forms(query);
    // The last place `form` starts before byte `before`.
    let last = |form: &str, before: usize| {
        let end = (before + form.len() - 1).min(bytes.len());
        memchr::memmem::rfind(&bytes[..end], form.as_bytes())
    };
    let mut at: Vec<Option<usize>> = forms.iter().map(|f| last(f, before)).collect();
    loop {
        let (i, start) = at
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.map(|a| (i, a)))
            .max_by_key(|&(_, a)| a)?;
        if let Some(len) = match_len(&text[start..], query) {
            return Some(start..start + len);
        }
        at[i] = last(&forms[i], start);
    }
}

/// How a lower-case `query`'s first character can appear in the text: as it is, and as its
/// one-character upper case. (A character whose lower case is longer than one character is not
/// looked for; [`match_len`] still decides every match.)
fn first_forms(query: &str) -> Vec<String> {
    let Some(first) = query.chars().next() else {
        return Vec::new();
    };
    let mut forms = vec![first.to_string()];
    let mut upper = first.to_uppercase();
    if let (Some(u), None) = (upper.next(), upper.next())
        && u != first
    {
        forms.push(u.to_string());
    }
    forms
}

/// The length in bytes of the match of a lower-case `query` at the start of `text`, ignoring
/// case a character at a time: the one place where smart case compares characters.
fn match_len(text: &str, query: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for q in query.chars() {
        let c = chars.next()?;
        if c != q && !c.to_lowercase().eq(q.to_lowercase()) {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// The last char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// The first char boundary of `text` at or after `at` (the text's length past its end).
fn ceil_boundary(text: &str, at: usize) -> usize {
    (at..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every match, found hit by hit with `find_from` as `n` does.
    fn hit_by_hit(text: &str, query: &str) -> Vec<Range<usize>> {
        let mut hits = Vec::new();
        let mut from = 0;
        while let Some(hit) = find_from(text, query, from) {
            from = hit.end;
            hits.push(hit);
        }
        hits
    }

    #[test]
    fn smart_case_as_everywhere() {
        let text = "The port. the PORT reopened; Port Louis.";
        assert_eq!(hit_by_hit(text, "port"), find_all(text, "port"));
        assert_eq!(hit_by_hit(text, "port").len(), 3);
        assert_eq!(hit_by_hit(text, "Port"), find_all(text, "Port"));
        assert_eq!(hit_by_hit(text, "Port").len(), 1);
        assert_eq!(find_before(text, "port", text.len()), Some(29..33));
        assert_eq!(find_before(text, "port", 29), Some(14..18));
        assert_eq!(find_before(text, "port", 4), None);
        assert_eq!(find_before(text, "Port", 30), Some(29..33));
        assert_eq!(find_before(text, "Port", 29), None);
    }

    #[test]
    fn counting_in_slices_counts_every_match() {
        let text = "Café ÉTÉ été. ".repeat(50);
        for query in ["été", "é", "Été", "caf", ". c"] {
            let mut count = Count::default();
            while count.next < text.len() {
                count = count_slice(&text, query, count, 7);
            }
            assert_eq!(count.found, find_all(&text, query).len(), "{query}");
        }
    }

    proptest! {
        #[test]
        fn hits_are_find_alls_matches(text in "[aAbé É.]{0,60}", query in "[abAé.]{1,3}", slice in 1usize..20) {
            let all = find_all(&text, &query);
            prop_assert_eq!(&hit_by_hit(&text, &query), &all);
            let mut count = Count::default();
            while count.next < text.len() {
                count = count_slice(&text, &query, count, slice);
            }
            prop_assert_eq!(count.found, all.len());
            // Backwards, overlapping matches count too (`...` holds `..` twice), as in vim.
            let back = find_before(&text, &query, text.len());
            prop_assert_eq!(back.is_some(), !all.is_empty());
            if let (Some(back), Some(last)) = (back, all.last()) {
                prop_assert!(back.start >= last.start);
                prop_assert_eq!(find_from(&text, &query, back.start), Some(back));
            }
        }
    }
}
