//! The rules for one sentence on its own: is it a claim, what are its cues, who is its source.
//! Carrying a source across sentences is `document.rs`'s job.

use std::ops::Range;

use super::cues::{Cues, Phrases, flag};
use super::phrase::{
    Attribution, Who, backward_np, classify, forward_np, found, head_run, head_word, subject,
};
use super::tokens::{Kind, Tokens};
use super::verb::{Frame, verb_source};
use super::{Cue, CueKind, SourceKind};

/// What the sentence shows on its own.
#[derive(Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts about one sentence, read by the document pass"
)]
pub(super) struct Local {
    /// False for headings, bylines, questions and page furniture.
    pub claim: bool,
    /// The attribution, if the sentence has one of its own.
    pub attribution: Option<Attribution>,
    /// Evidence, unsorted.
    pub cues: Vec<Cue>,
    /// The sentence has a quotation (or is part of one).
    pub quoted: bool,
    /// The sentence starts with, or inside, a quotation.
    pub starts_quoted: bool,
    /// A quotation is still open at the sentence's end.
    pub ends_inside: bool,
    /// A named subject at the sentence's start ("Judge Irene Novak was blunt."), for a pronoun
    /// in a later sentence to point back to.
    pub mention: Option<(Range<usize>, SourceKind)>,
}

/// Analyses the sentence `text[span]`. `inside`: a quotation from an earlier sentence of the
/// paragraph is still open.
pub(super) fn analyse(
    text: &str,
    span: Range<usize>,
    cues: &Cues,
    inside: bool,
    tokens: &mut Tokens,
) -> Local {
    let mut local = Local::default();
    tokens.fill(text, span.clone());
    tokens.tag(|word| cues.flags(word));
    quotes(tokens, &span, inside, &mut local);
    let sentence = &text[span.clone()];
    if !is_claim(text, &span, sentence, tokens, cues) {
        if let Some(attribution) = headline_colon(tokens, cues, &mut local) {
            local.claim = true;
            local.attribution = Some(attribution);
        }
        return local;
    }
    local.claim = true;
    let hedges = phrase_cues(
        tokens,
        (&cues.hedges, flag::HEDGE),
        CueKind::Hedge,
        &mut local.cues,
    );
    let anonymous = phrase_cues(
        tokens,
        (&cues.anonymous_phrases, flag::ANONYMOUS_PHRASE),
        CueKind::Anonymous,
        &mut local.cues,
    );
    let mut spoken_cues = Vec::new();
    let spoken = phrase_cues(
        tokens,
        (&cues.anonymous_attributions, flag::SPOKEN),
        CueKind::Anonymous,
        &mut spoken_cues,
    );
    let fixed: Vec<Range<usize>> = hedges.iter().chain(&spoken).cloned().collect();
    local.attribution = attribution(tokens, cues, &mut local, &fixed)
        .or_else(|| statement(tokens, cues, &mut local))
        .or_else(|| headline_colon(tokens, cues, &mut local));
    if let Some(a) = &mut local.attribution {
        if !anonymous.is_empty() && matches!(a.who, Who::Named) {
            a.who = Who::Anonymous;
        }
    } else if !spoken.is_empty() {
        local.cues.extend(spoken_cues);
        local.attribution = Some(Attribution {
            source: None,
            who: Who::Anonymous,
        });
    } else {
        local.mention = head_run(tokens, cues, 0)
            .filter(|&(a, b)| {
                (a..=b).any(|k| {
                    (tokens.list[k].capital && k > a) || cues.roles.contains(tokens.lower(k))
                })
            })
            .map(|(a, b)| {
                let kind = if classify(tokens, cues, (a, b)) == Who::Named {
                    SourceKind::Named
                } else {
                    SourceKind::Anonymous
                };
                (tokens.range(a, b), kind)
            });
    }
    local
}

/// Whether the sentence `text[span]` is a claim: what [`analyse`] puts in [`Local::claim`], which
/// depends on the sentence alone (not on a quotation left open before it), without the rest of
/// the analysis.
pub(super) fn is_candidate(
    text: &str,
    span: Range<usize>,
    cues: &Cues,
    tokens: &mut Tokens,
) -> bool {
    tokens.fill(text, span.clone());
    tokens.tag(|word| cues.flags(word));
    is_claim(text, &span, &text[span.clone()], tokens, cues)
        || headline_colon(tokens, cues, &mut Local::default()).is_some()
}

/// Marks the quotations and tells whether one is left open.
fn quotes(tokens: &Tokens, span: &Range<usize>, inside: bool, local: &mut Local) {
    let mut open: Option<usize> = inside.then_some(span.start);
    let mut last_open_end = None;
    local.starts_quoted = inside
        || tokens
            .list
            .first()
            .is_some_and(|t| matches!(t.kind, Kind::Quote(Some(true) | None)));
    for token in &tokens.list {
        let Kind::Quote(direction) = token.kind else {
            continue;
        };
        let opens = direction.unwrap_or(open.is_none());
        // A closing mark right after the opening one is a typo ("“”This is …"), not an empty
        // quotation.
        if !opens && open.is_some() && last_open_end == Some(token.span.start) {
            continue;
        }
        if opens {
            last_open_end = Some(token.span.end);
        }
        match (opens, open) {
            (true, None) => open = Some(token.span.start),
            (false, Some(start)) => {
                local.cues.push(Cue {
                    span: start..token.span.end,
                    kind: CueKind::Quote,
                });
                open = None;
            }
            // An opening mark while a quotation is open: the quotation ran on without a closing
            // mark (a quoted paragraph continued in the next), so a new one starts here.
            (true, Some(start)) if direction.is_some() => {
                if start < token.span.start {
                    local.cues.push(Cue {
                        span: start..token.span.start,
                        kind: CueKind::Quote,
                    });
                }
                open = Some(token.span.start);
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        let end = tokens.list.last().map_or(span.end, |t| t.span.end);
        if start < end {
            local.cues.push(Cue {
                span: start..end,
                kind: CueKind::Quote,
            });
        }
        local.ends_inside = true;
    }
    local.quoted = local.cues.iter().any(|c| c.kind == CueKind::Quote);
}

/// Headings, bylines, datelines, questions, page furniture and fragments are not claims.
fn is_claim(text: &str, span: &Range<usize>, sentence: &str, tokens: &Tokens, cues: &Cues) -> bool {
    let words = (0..tokens.len()).filter(|&i| tokens.is_word(i)).count();
    if words < 3 {
        return false;
    }
    let body = sentence.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
    });
    if body.ends_with('?') {
        return false;
    }
    if words <= 12 {
        let start: String = sentence
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .take(40)
            .flat_map(char::to_lowercase)
            .collect();
        if cues.furniture.iter().any(|f| start.starts_with(f.as_str())) {
            return false;
        }
    }
    if body.ends_with(['.', '!', '…', ';']) {
        return true;
    }
    // A list item ("- Better access to advice by telephone") is content, not a heading.
    let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let bullet = matches!(text[line_start..span.start].trim(), "-" | "*" | "•" | "–")
        || ["- ", "* ", "• ", "– "]
            .iter()
            .any(|b| sentence.starts_with(b));
    if bullet && words >= 5 {
        return true;
    }
    // Only unpunctuated sentences get here: is it a line of its own (a heading)?
    let own_line = text[..span.start]
        .bytes()
        .rev()
        .take_while(|&b| b != b'\n')
        .all(|b| b.is_ascii_whitespace())
        && text[span.end..]
            .bytes()
            .take_while(|&b| b != b'\n')
            .all(|b| b.is_ascii_whitespace());
    !own_line
}

/// Finds every phrase of `phrases` in the sentence and records it as a cue of `kind`.
fn phrase_cues(
    tokens: &Tokens,
    (phrases, bit): (&Phrases, u16),
    kind: CueKind,
    cues: &mut Vec<Cue>,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens.has(i, bit) {
            i += 1;
            continue;
        }
        let hit = phrases
            .starting(tokens.lower(i))
            .iter()
            .filter(|p| tokens.matches(i, p))
            .map(Vec::len)
            .max();
        if let Some(len) = hit {
            let span = tokens.range(i, i + len - 1);
            cues.push(Cue {
                span: span.clone(),
                kind,
            });
            found.push(span);
            i += len;
        } else {
            i += 1;
        }
    }
    found
}

/// The first reporting verb (or "according to", "citing") with a source it can name.
fn attribution(
    tokens: &Tokens,
    cues: &Cues,
    local: &mut Local,
    hedges: &[Range<usize>],
) -> Option<Attribution> {
    let quoted: Vec<Range<usize>> = local
        .cues
        .iter()
        .filter(|c| c.kind == CueKind::Quote)
        .map(|c| c.span.clone())
        .collect();
    let in_quote = |i: usize| {
        let at = tokens.list[i].span.start;
        quoted.iter().any(|q| q.start <= at && at < q.end)
    };
    let mut fallback = None;
    let outside = (0..tokens.len()).filter(|&i| !in_quote(i));
    let inside = (0..tokens.len()).filter(|&i| in_quote(i));
    for i in outside.chain(inside) {
        if tokens.has(i, flag::STANCE)
            && (!in_quote(i) || matches!(tokens.list[i - 1].kind, Kind::Quote(_)))
            && let Some(attribution) = stance(tokens, cues, i)
        {
            local.cues.push(Cue {
                span: tokens.list[i].span.clone(),
                kind: CueKind::Attribution,
            });
            return Some(attribution);
        }
        if !tokens.has(i, flag::VERB | flag::DOCUMENT_VERB | flag::LEAD) {
            continue;
        }
        let word = tokens.lower(i);
        if word == "according" && tokens.lower(i + 1) == "to" {
            // A phrase that opens the sentence is followed by the main clause, not an appositive.
            let Some(np) = forward_np(tokens, cues, i + 2, i > 0) else {
                continue;
            };
            // "dealt with according to the law": a rule followed, not a source.
            if i > 0 && tokens.is_word(i - 1) && !source_like(tokens, cues, np) {
                continue;
            }
            local.cues.push(Cue {
                span: tokens.range(i, i + 1),
                kind: CueKind::Attribution,
            });
            return Some(found(tokens, cues, np, None));
        }
        if word == "citing" {
            let Some(np) = forward_np(tokens, cues, i + 1, i > 0) else {
                continue;
            };
            let who = classify(tokens, cues, np);
            let sourceish = (np.0..=np.1).any(|k| {
                tokens.list[k].capital
                    || cues.anonymous.contains(tokens.lower(k))
                    || cues.documents.contains(tokens.lower(k))
            });
            if !sourceish || who == Who::Writer {
                continue;
            }
            local.cues.push(Cue {
                span: tokens.list[i].span.clone(),
                kind: CueKind::Attribution,
            });
            return Some(found(tokens, cues, np, None));
        }
        let at = tokens.list[i].span.start;
        if hedges.iter().any(|h| h.start <= at && at < h.end) {
            continue;
        }
        let verb = tokens.has(i, flag::VERB);
        let document_verb = tokens.has(i, flag::DOCUMENT_VERB);
        if !(verb || document_verb) || (tokens.list[i].capital && i > 0) {
            continue;
        }
        let result = verb_source(tokens, cues, i, verb, hedges).filter(|(a, _)| {
            // Inside a quotation "we" and "you" are the speaker's words, not a source.
            !(in_quote(i) && matches!(a.who, Who::Writer | Who::Pronoun))
        });
        match result {
            Some((attribution, Frame::Main)) => {
                local.cues.push(Cue {
                    span: tokens.list[i].span.clone(),
                    kind: CueKind::Attribution,
                });
                return Some(attribution);
            }
            // An agentless passive inside a quotation is the speaker's words ("“The plan is
            // seen as a first step,” she said"), not an attribution of its own.
            Some((attribution, Frame::Fallback))
                if fallback.is_none() && !(in_quote(i) && attribution.source.is_none()) =>
            {
                fallback = Some((attribution, i));
            }
            _ => {}
        }
    }
    // A relative clause's or an agentless passive's attribution, when no main clause has one.
    let (attribution, i) = fallback?;
    local.cues.push(Cue {
        span: tokens.list[i].span.clone(),
        kind: if attribution.source.is_some() {
            CueKind::Attribution
        } else {
            CueKind::Anonymous
        },
    });
    Some(attribution)
}

/// "Rijkaard was critical of …", "a spokeswoman was “satisfied” that …": a stance adjective
/// after a copula reports its subject's view.
fn stance(tokens: &Tokens, cues: &Cues, i: usize) -> Option<Attribution> {
    let mut j = i;
    let mut copula = false;
    while j > 0
        && (matches!(tokens.list[j - 1].kind, Kind::Quote(_))
            || cues.grammar.copulas.contains(tokens.lower(j - 1))
            || (tokens.lower(j - 1).ends_with("ly") && !tokens.list[j - 1].capital))
    {
        copula |= tokens.is_word(j - 1) && !matches!(tokens.lower(j - 1), "not" | "very");
        j -= 1;
    }
    if !copula {
        return None;
    }
    let np = subject(tokens, cues, j)?;
    let who = classify(tokens, cues, np);
    (who == Who::Pronoun || (source_like(tokens, cues, np) && who != Who::Writer))
        .then(|| found(tokens, cues, np, Some(who)))
}

/// Whether a phrase can be a source: a name, or headed by a speaker, a body or a document.
fn source_like(tokens: &Tokens, cues: &Cues, np: (usize, usize)) -> bool {
    let head = head_word(tokens, cues, np);
    let w = tokens.lower(head);
    tokens.list[np.1].capital
        || tokens.list[head].capital
        || cues.anonymous.contains(w)
        || cues.documents.contains(w)
        || cues.roles.contains(w)
        || cues.weasels.contains(w)
}

/// "In a statement, the ministry rejected …": the source named after the phrase.
fn statement(tokens: &Tokens, cues: &Cues, local: &mut Local) -> Option<Attribution> {
    for i in 0..tokens.len() {
        if !tokens.has(i, flag::IN) {
            continue;
        }
        let Some(len) = cues
            .grammar
            .statements
            .starting(tokens.lower(i))
            .iter()
            .filter(|p| tokens.matches(i, p))
            .map(Vec::len)
            .max()
        else {
            continue;
        };
        let cue = tokens.range(i, i + len - 1);
        let mut from = i + len;
        // Skip what qualifies the statement, up to its comma.
        while from < tokens.len() && tokens.list[from].kind != Kind::Comma && from - i < 12 {
            from += 1;
        }
        from += 1;
        let np = if i == 0
            || tokens
                .list
                .get(i.wrapping_sub(1))
                .is_some_and(|t| t.kind != Kind::Word)
        {
            head_run(tokens, cues, from)?
        } else {
            backward_np(tokens, cues, i)?
        };
        local.cues.push(Cue {
            span: cue,
            kind: CueKind::Attribution,
        });
        return Some(found(tokens, cues, np, None));
    }
    None
}

/// "UN envoy: talks will resume": a short speaker before a colon at the start.
fn headline_colon(tokens: &Tokens, cues: &Cues, local: &mut Local) -> Option<Attribution> {
    let colon = tokens.list.iter().position(|t| t.kind == Kind::Colon)?;
    if colon == 0 || colon > 5 || tokens.len() - colon < 4 {
        return None;
    }
    if (0..colon).any(|k| !tokens.is_word(k)) {
        return None;
    }
    let label: String = (0..colon)
        .map(|k| tokens.lower(k))
        .collect::<Vec<_>>()
        .join(" ");
    let last = tokens.lower(colon - 1);
    if cues.labels.contains(&label)
        || (cues.labels.contains(last) && !cues.anonymous.contains(last))
    {
        return None;
    }
    let capitals = (0..colon).filter(|&k| tokens.list[k].capital).count();
    let role = (0..colon).any(|k| {
        cues.anonymous.contains(tokens.lower(k))
            || cues.documents.contains(tokens.lower(k))
            || cues.roles.contains(tokens.lower(k))
    });
    if !(capitals >= 2 || role) {
        return None;
    }
    local.cues.push(Cue {
        span: tokens.list[colon].span.clone(),
        kind: CueKind::Attribution,
    });
    Some(found(tokens, cues, (0, colon - 1), None))
}
