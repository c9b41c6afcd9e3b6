//! Suggestions for a whole report: each sentence on its own, then sources carried across
//! sentences (quotations that run on, "He added that …").

use std::ops::Range;

use super::analyse::{Attribution, Local, Who, analyse};
use super::cues::Cues;
use super::tokens::Tokens;
use super::{Cue, CueKind, SourceKind, Suggestion, Verdict};

/// A source named earlier, for pronouns and quotations to point back to.
#[derive(Debug, Clone)]
struct Named {
    source: Range<usize>,
    kind: SourceKind,
    paragraph: usize,
}

/// Suggestions for `sentences` (byte ranges of `text`, in order), one per sentence.
pub fn suggest(text: &str, sentences: &[Range<usize>], cues: &Cues) -> Vec<Suggestion> {
    let mut tokens = Tokens::default();
    let mut locals: Vec<Local> = Vec::with_capacity(sentences.len());
    let mut paragraphs = Vec::with_capacity(sentences.len());
    let mut paragraph = 0usize;
    let mut inside = false;
    for (n, span) in sentences.iter().enumerate() {
        let span = clamp(text, span);
        // A quotation left open at a paragraph's end runs on when the next paragraph opens with
        // a quotation mark (the newsroom convention); otherwise its closing mark was lost.
        if n > 0
            && new_paragraph(text, &sentences[n - 1], &span)
            && !(inside && opens_with_quote(&text[span.clone()]))
        {
            paragraph += 1;
            inside = false;
        }
        let local = analyse(text, span, cues, inside, &mut tokens);
        inside = local.ends_inside;
        locals.push(local);
        paragraphs.push(paragraph);
    }
    let mut out = Vec::with_capacity(sentences.len());
    let mut last: Option<Named> = None;
    for (n, local) in locals.iter().enumerate() {
        let span = clamp(text, &sentences[n]);
        let mut suggestion = Suggestion {
            sentence: span,
            verdict: None,
            kind: None,
            source: None,
            carried: false,
            cues: local.cues.clone(),
        };
        suggestion.cues.sort_by_key(|c| (c.span.start, c.span.end));
        if !local.claim {
            out.push(suggestion);
            continue;
        }
        let paragraph = paragraphs[n];
        let recent = last
            .clone()
            .filter(|l| paragraph.saturating_sub(l.paragraph) <= 1);
        let attribution = local
            .attribution
            .clone()
            .or_else(|| quoted_source(&locals, &paragraphs, n));
        decide(&mut suggestion, attribution.as_ref(), recent.as_ref());
        if local.attribution.is_none() && suggestion.source.is_some() {
            suggestion.carried = true;
        }
        if let (Some(source), Some(kind), false) =
            (&suggestion.source, suggestion.kind, suggestion.carried)
        {
            last = Some(Named {
                source: source.clone(),
                kind,
                paragraph,
            });
        } else if let (Some(l), true) = (&mut last, suggestion.carried) {
            l.paragraph = paragraph;
        } else if let Some(mention) = &local.mention {
            last = Some(Named {
                source: mention.clone(),
                kind: SourceKind::Named,
                paragraph,
            });
        }
        out.push(suggestion);
    }
    out
}

/// The sentence's range, cut to the text and to character boundaries (never panics).
fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = span.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    start..end
}

/// Whether the sentence starts with an opening quotation mark.
fn opens_with_quote(sentence: &str) -> bool {
    sentence
        .trim_start()
        .starts_with(['"', '“', '‘', '«', '„', '\''])
}

/// Whether a blank line (or a heading's line break) separates two sentences.
fn new_paragraph(text: &str, before: &Range<usize>, after: &Range<usize>) -> bool {
    let gap = text
        .get(before.end.min(after.start)..after.start)
        .unwrap_or("");
    gap.matches('\n').count() >= 2
}

/// The attribution of the quotation this sentence belongs to: the nearest sentence of the same
/// paragraph, before or after, that quotes and names its speaker, with only quotation between.
fn quoted_source(locals: &[Local], paragraphs: &[usize], n: usize) -> Option<Attribution> {
    let local = &locals[n];
    if !local.starts_quoted || !local.quoted {
        return None;
    }
    let same = |k: usize| paragraphs[k] == paragraphs[n] && locals[k].quoted;
    let mut k = n;
    while k > 0 && same(k - 1) {
        k -= 1;
        if let Some(a) = &locals[k].attribution {
            return Some(a.clone());
        }
    }
    let mut k = n + 1;
    while k < locals.len() && same(k) {
        if let Some(a) = &locals[k].attribution {
            return Some(a.clone());
        }
        if !locals[k].starts_quoted {
            break;
        }
        k += 1;
    }
    None
}

/// Turns the evidence into the suggestion.
fn decide(suggestion: &mut Suggestion, attribution: Option<&Attribution>, recent: Option<&Named>) {
    let Some(attribution) = attribution else {
        suggestion.verdict = Some(Verdict::Unsourced);
        return;
    };
    match attribution.who {
        Who::Named | Who::Anonymous => {
            suggestion.verdict = Some(Verdict::Sourced);
            suggestion.kind = Some(if attribution.who == Who::Named {
                SourceKind::Named
            } else {
                SourceKind::Anonymous
            });
            suggestion.source.clone_from(&attribution.source);
        }
        Who::Pronoun => {
            suggestion.verdict = Some(Verdict::Sourced);
            if let Some(named) = recent {
                suggestion.kind = Some(named.kind);
                suggestion.source = Some(named.source.clone());
                suggestion.carried = true;
            } else {
                suggestion.kind = Some(SourceKind::Anonymous);
                suggestion.source.clone_from(&attribution.source);
            }
        }
        Who::Writer | Who::Hedged => suggestion.verdict = Some(Verdict::Unsourced),
        Who::Weasel => {
            // A vague group with a reporting verb is a vague attribution: sourced, anonymous,
            // with the group marked as a hedge so the analyst sees why.
            suggestion.verdict = Some(Verdict::Sourced);
            suggestion.kind = Some(SourceKind::Anonymous);
            suggestion.source.clone_from(&attribution.source);
            if let Some(span) = &attribution.source {
                let inside =
                    suggestion.sentence.start <= span.start && span.end <= suggestion.sentence.end;
                if inside && !suggestion.cues.iter().any(|c| c.span == *span) {
                    suggestion.cues.push(Cue {
                        span: span.clone(),
                        kind: CueKind::Hedge,
                    });
                    suggestion.cues.sort_by_key(|c| (c.span.start, c.span.end));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::segment::sentences;

    /// Suggestion, kind, source and cue words of one sentence.
    type Row = (
        Option<&'static str>,
        Option<&'static str>,
        String,
        Vec<String>,
    );

    /// The rows of each sentence of `text`.
    fn run(text: &str) -> Vec<Row> {
        suggest(text, &sentences(text), &Cues::builtin())
            .into_iter()
            .map(|s| {
                let source = s.source_text(text).unwrap_or("").to_owned();
                let cues = s
                    .cues
                    .iter()
                    .map(|c| format!("{}:{}", c.kind.name(), &text[c.span.clone()]))
                    .collect();
                (s.status(), s.kind.map(SourceKind::name), source, cues)
            })
            .collect()
    }

    #[test]
    fn reporting_verbs_in_any_order_and_tense() {
        for (text, source) in [
            ("Jane Smith said the road was closed.", "Jane Smith"),
            ("The road was closed, said Jane Smith.", "Jane Smith"),
            ("The road was closed, Jane Smith has said.", "Jane Smith"),
            (
                "Jane Smith told reporters the road was closed.",
                "Jane Smith",
            ),
            (
                "According to the Treasury, the deficit fell.",
                "the Treasury",
            ),
            (
                "The audit's report found the deficit fell.",
                "The audit's report",
            ),
        ] {
            let got = run(text);
            assert_eq!(got[0].0, Some("sourced"), "{text}");
            assert_eq!(
                (got[0].1, got[0].2.as_str()),
                (Some("named"), source),
                "{text}"
            );
        }
    }

    #[test]
    fn anonymous_even_inside_a_named_body() {
        let got = run("A Treasury spokesman said the figures were wrong.");
        assert_eq!(got[0].1, Some("anonymous"));
        let got = run("Officials, speaking on condition of anonymity, said it had failed.");
        assert_eq!(
            (got[0].1, got[0].2.as_str()),
            (Some("anonymous"), "Officials")
        );
        assert!(
            got[0]
                .3
                .contains(&"anonymous:on condition of anonymity".to_owned())
        );
    }

    #[test]
    fn hedges_count_against_sourced() {
        let got = run("The minister reportedly plans to resign.");
        assert_eq!(got[0].0, Some("unsourced"));
        assert_eq!(got[0].3, ["hedge:reportedly"]);
        let got = run("The mayor allegedly said the vote was close.");
        assert_eq!(got[0].0, Some("unsourced"));
    }

    #[test]
    fn vague_groups_with_a_reporting_verb_are_anonymous_and_keep_the_weasel_cue() {
        for (text, group) in [
            ("Critics argue that the plan is unfair.", "Critics"),
            (
                "Some residents said the water tasted of metal.",
                "Some residents",
            ),
            ("Many believe the harbour will never reopen.", "Many"),
        ] {
            let got = run(text);
            assert_eq!(
                (got[0].0, got[0].1, got[0].2.as_str()),
                (Some("sourced"), Some("anonymous"), group),
                "{text}"
            );
            assert!(
                got[0].3.contains(&format!("hedge:{group}")),
                "{text}: {:?}",
                got[0].3
            );
        }
    }

    #[test]
    fn sources_carry_over_quotations_and_pronouns() {
        let text = "Mayor Ola Brandt spoke on Monday. “We will rebuild,” she said. “Every house will stand.”\n\nShe added that the money was ready.";
        let got = run(text);
        for row in &got[1..] {
            assert_eq!(row.2, "Mayor Ola Brandt", "{got:?}");
        }
    }

    #[test]
    fn headings_bylines_questions_and_furniture_are_not_claims() {
        let text = "Blackout Hits Port\nBy Ana Silva\n\nWho cut the fence? Share this article.\n\nThe port closed.";
        let got: Vec<_> = run(text).into_iter().map(|r| r.0).collect();
        assert_eq!(got, [None, None, None, None, Some("unsourced")]);
    }
}
