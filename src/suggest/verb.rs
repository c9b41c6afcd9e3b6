//! One reporting verb and its frame: who its speaker is (subject, agent of a passive, speaker
//! after an inverted verb), and whether the word is a verb at all.

use std::ops::Range;

use super::cues::Cues;
use super::phrase::{
    Attribution, Who, backward_np, classify, forward_np, found, sentence_subject, subject,
};
use super::tokens::{Kind, Tokens};

/// How much a verb's attribution counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    /// The verb of a main clause: the sentence's attribution.
    Main,
    /// A relative clause's verb or an agentless passive: used when no main clause attributes.
    Fallback,
}

/// Forms of "be" that make a participle passive ("was reported", "are being told").
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Whether `word`, a verb form, is a bare base form ("question", "report"): with a singular
/// noun before it, it can only be a noun ("an emergency question").
fn base_form(word: &str, cues: &Cues) -> bool {
    !(word.ends_with('s')
        || word.ends_with("ed")
        || word.ends_with("ing")
        || cues.grammar.irregular_past.contains(word))
}

/// Whether `word` is a past form that is also its own base ("forecast", "put"): a noun after a
/// determiner and a noun ("the weather forecast"), a verb after a speaker ("the bureau forecast").
fn doubles_as_base(word: &str, cues: &Cues) -> bool {
    cues.grammar.irregular_past.contains(word) && {
        let third = format!("{word}s");
        cues.verbs.contains(third.as_str()) || cues.document_verbs.contains(third.as_str())
    }
}

/// Whether `word` heads a speaker phrase ("office", "spokesman", "lawyers").
fn speaker_noun(word: &str, cues: &Cues) -> bool {
    cues.anonymous.contains(word)
        || cues.roles.contains(word)
        || cues.documents.contains(word)
        || cues.weasels.contains(word)
        || word
            .strip_suffix('s')
            .is_some_and(|w| cues.anonymous.contains(w))
        || cues.anonymous.contains(format!("{word}s").as_str())
}

/// Whether `word` is a past participle ("reported", "told").
fn participle(word: &str, cues: &Cues) -> bool {
    word.ends_with("ed") || cues.grammar.irregular_past.contains(word)
}

/// Whether the verb-like word at `i` is used as a noun or an adjective: after a determiner or a
/// possessive ("the reports", "its economic forecast"), before a finite verb ("several projects
/// were shelved"), a base form after a singular noun ("an emergency question").
fn noun_use(tokens: &Tokens, cues: &Cues, i: usize, j: usize) -> bool {
    let before = |k: usize| (k > 0).then(|| tokens.lower(k - 1));
    let determiner =
        |w: &str| cues.grammar.determiners.contains(w) || w.ends_with("'s") || w.ends_with("s'");
    if before(j).is_some_and(determiner) {
        return true;
    }
    // "one point", "two reports", "several projects" (but "some say", "many believe").
    if j == i
        && before(j).is_some_and(|w| {
            (cues.grammar.indefinites.contains(w)
                || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit())))
                && !cues.weasels.contains(w)
        })
    {
        return true;
    }
    let next = tokens.lower(i + 1);
    if tokens.is_word(i + 1) && cues.grammar.finite.contains(next) {
        return true;
    }
    if j == i && i > 0 && tokens.is_word(i - 1) {
        let prev = tokens.lower(i - 1);
        // "premiums for calls": a verb does not follow a preposition.
        if cues.grammar.prepositions.contains(prev) && !cues.grammar.pronouns.contains(prev) {
            return true;
        }
        // "an emergency question": determiner, noun, base form is a compound noun.
        // (not inside a prepositional phrase: "Critics of the scheme say").
        let compound = i > 1
            && (cues.grammar.determiners.contains(tokens.lower(i - 2))
                || cues.grammar.indefinites.contains(tokens.lower(i - 2)))
            && (i < 3 || !cues.grammar.prepositions.contains(tokens.lower(i - 3)));
        let word = tokens.lower(i);
        // "the weather forecast for …" (but "the bureau forecast that …").
        let next = tokens.lower(i + 1);
        let past_noun = doubles_as_base(word, cues)
            && !speaker_noun(prev, cues)
            && (cues.grammar.prepositions.contains(next)
                || !(cues.grammar.complements.contains(next) || bare_clause(tokens, cues, i + 1)));
        if compound
            && (base_form(word, cues) || past_noun)
            && !tokens.list[i - 1].capital
            && !prev.ends_with('s')
            && !cues.anonymous.contains(prev)
        {
            return true;
        }
    }
    // "his economic forecast": a possessive two words back, an adjective between (but ", her
    // office said", "their lawyer says": a speaker, then a verb).
    let word = tokens.lower(i);
    j == i
        && i > 1
        && !tokens.list[i - 1].capital
        && tokens.is_word(i - 1)
        && matches!(
            tokens.lower(i - 2),
            "his" | "her" | "its" | "their" | "our" | "my"
        )
        && !speaker_noun(tokens.lower(i - 1), cues)
        && (!participle(word, cues) || doubles_as_base(word, cues))
}

/// "claimed responsibility", "claims compensation": an act, not a report (but "Vega claimed the
/// vote was rigged" and "officials claim the plan works" are reports).
fn claimed_act(tokens: &Tokens, cues: &Cues, i: usize) -> bool {
    let next = tokens.lower(i + 1);
    matches!(tokens.lower(i), "claims" | "claimed" | "claim")
        && cues.grammar.not_clause.contains(next)
        && (!matches!(next, "the" | "a" | "an" | "his" | "her" | "their" | "its")
            || i == 0
            || !plain_subject(tokens, cues, i - 1))
}

/// The source of the reporting verb at `i`: its subject, the agent of a passive, or the speaker
/// after it.
pub(super) fn verb_source(
    tokens: &Tokens,
    cues: &Cues,
    i: usize,
    verb: bool,
    hedges: &[Range<usize>],
) -> Option<(Attribution, Frame)> {
    let word = tokens.lower(i);
    let g = &cues.grammar;
    // A participle, unless it is progressive ("are asking"), which reads like a finite verb.
    if i > 0 && word.ends_with("ing") && !BE.contains(&tokens.lower(i - 1)) {
        return participle_source(tokens, cues, i);
    }
    if claimed_act(tokens, cues, i) {
        return None;
    }
    // "asked Trump whether he …": a reported question attributes no claim.
    if matches!(word, "ask" | "asks" | "asked")
        && (i + 1..tokens.len().min(i + 5))
            .any(|k| matches!(tokens.lower(k), "whether" | "if" | "why" | "how" | "what"))
    {
        return None;
    }
    let (j, passive) = auxiliaries_before(tokens, cues, i);
    // "continued to lead", "asked to place bets": an act, not a report (but "is expected to"
    // is agentless belief).
    if g.not_before_to.contains(word) && tokens.lower(i + 1) == "to" && !passive {
        return None;
    }
    if j > 0 && g.blockers.contains(tokens.lower(j - 1)) {
        return None;
    }
    if noun_use(tokens, cues, i, j) {
        return None;
    }
    if cues.verbs.contains(tokens.lower(i + 1)) || cues.document_verbs.contains(tokens.lower(i + 1))
    {
        return None;
    }
    let hedged_verb = hedges.iter().any(|h| {
        j < i && h.start >= tokens.list[j].span.start && h.end <= tokens.list[i].span.start
    });
    // "X was quoted as saying": X is the speaker, whoever quoted them.
    if passive && word == "quoted" && tokens.lower(i + 1) == "as" {
        let np = subject(tokens, cues, j)?;
        return Some((found(tokens, cues, np, None), Frame::Main));
    }
    if passive && participle(word, cues) {
        // "was reportedly seen": the hedge decides, unsourced.
        return if hedged_verb {
            None
        } else {
            passive_source(tokens, cues, i)
        };
    }
    let clause_follows = match tokens.list.get(i + 1).map(|t| t.kind) {
        None | Some(Kind::Comma | Kind::Colon | Kind::Quote(_) | Kind::Other) => true,
        Some(Kind::Word) => {
            g.complements.contains(tokens.lower(i + 1)) || bare_clause(tokens, cues, i + 1)
        }
        _ => false,
    };
    // "X called the plan a disgrace", "branded it “pathetic”": naming verbs report only in
    // their frame, with "for", "on", "as" or a quotation after them.
    if g.naming.contains(word) && !naming_frame(tokens, cues, i) {
        return None;
    }
    // "the lawyer who questioned Trump": a relative clause's verb counts only when no main
    // verb attributes, and only with a clause after it.
    if j > 1 && matches!(tokens.lower(j - 1), "who" | "which") {
        return relative_source(tokens, cues, j, clause_follows);
    }
    // A phrase ending in a number or a measure ("its 30-day report") is not a speaker.
    let subject = subject(tokens, cues, j)
        .filter(|np| !tokens.lower(np.1).chars().any(|c| c.is_ascii_digit()))
        .or_else(|| {
            // "The ministry summoned the envoy and said …": a second verb shares the subject
            // (not a passive one: "run by X and backed by Y").
            (j > 0 && tokens.lower(j - 1) == "and" && tokens.lower(i + 1) != "by")
                .then(|| sentence_subject(tokens, cues))
                .flatten()
        });
    if let Some(np) = subject {
        let who = classify(tokens, cues, np);
        let is_document = (np.0..=np.1).any(|k| cues.documents.contains(tokens.lower(k)));
        // A present form right after a name is a verb, not a plural noun ("Greenpeace claims
        // the spill …").
        let after_name = j == i && !word.ends_with("ed") && plain_subject(tokens, cues, i - 1);
        // "“We will appeal,” Mr Diallo added later": the verb reports the quotation before.
        let after_quote = np.0 > 0
            && (matches!(tokens.list[np.0 - 1].kind, Kind::Quote(Some(false) | None))
                || (np.0 > 1
                    && tokens.list[np.0 - 1].kind == Kind::Comma
                    && matches!(tokens.list[np.0 - 2].kind, Kind::Quote(Some(false) | None))));
        let fits = if verb {
            g.strong.contains(word)
                || clause_follows
                || after_name
                || after_quote
                || g.naming.contains(word)
        } else {
            is_document
        };
        if !(fits || is_document && verb) {
            return None;
        }
        let mut attribution = found(tokens, cues, np, Some(who));
        if hedged_verb {
            attribution.who = Who::Hedged;
        }
        return Some((attribution, Frame::Main));
    }
    let inverted =
        j == i && j > 0 && matches!(tokens.list[j - 1].kind, Kind::Comma | Kind::Quote(_));
    if verb && inverted && g.inverting.contains(word) {
        let np = forward_np(tokens, cues, i + 1, true)?;
        if matches!(classify(tokens, cues, np), Who::Writer) {
            return None;
        }
        return Some((found(tokens, cues, np, None), Frame::Main));
    }
    None
}

/// A reporting participle: "with the minister saying …" (the phrase between "with" and the
/// participle), or "…, saying that …" (the sentence's subject).
fn participle_source(tokens: &Tokens, cues: &Cues, i: usize) -> Option<(Attribution, Frame)> {
    let word = tokens.lower(i);
    // "with the minister saying …": the phrase between "with" and the participle.
    if let Some(mut np) = backward_np(tokens, cues, i) {
        // A subordinate frame: the main clause's own attribution comes first ("With polls
        // suggesting …, the minister has said …").
        if tokens.lower(np.0) == "with" && np.0 < np.1 {
            np.0 += 1;
            return Some((found(tokens, cues, np, None), Frame::Fallback));
        }
        if np.0 > 0 && tokens.lower(np.0 - 1) == "with" {
            return Some((found(tokens, cues, np, None), Frame::Fallback));
        }
    }
    // "…, saying that …", "has written to the watchdog saying: …": the sentence's subject.
    let opens = matches!(
        tokens.list.get(i + 1).map(|t| t.kind),
        Some(Kind::Colon | Kind::Quote(_))
    ) || tokens.lower(i + 1) == "that";
    if cues.grammar.participles.contains(word) && (tokens.list[i - 1].kind == Kind::Comma || opens)
    {
        let np = sentence_subject(tokens, cues)?;
        return Some((found(tokens, cues, np, None), Frame::Main));
    }
    None
}

/// The start of the verb group ending at `i` (auxiliaries, adverbs, and for verbs of stance a
/// negation: "has also said", "did not agree"), and whether it is passive ("was reported").
fn auxiliaries_before(tokens: &Tokens, cues: &Cues, i: usize) -> (usize, bool) {
    let g = &cues.grammar;
    let negatable = g.negatable.contains(tokens.lower(i));
    let mut j = i;
    let mut passive = false;
    while j > 0 && tokens.is_word(j - 1) {
        let w = tokens.lower(j - 1);
        let skip = g.auxiliaries.contains(w)
            || BE.contains(&w)
            || (w.ends_with("ly") && !tokens.list[j - 1].capital)
            || (negatable && g.negations.contains(w));
        if !skip {
            break;
        }
        passive |= BE.contains(&w);
        j -= 1;
    }
    (j, passive)
}

/// The speaker of a relative clause's verb at `j` ("…, who insists he …"): what the pronoun
/// refers to, as a fallback, and only when a clause follows the verb.
fn relative_source(
    tokens: &Tokens,
    cues: &Cues,
    j: usize,
    clause_follows: bool,
) -> Option<(Attribution, Frame)> {
    if !clause_follows {
        return None;
    }
    let end = if tokens.list[j - 2].kind == Kind::Comma {
        j - 2
    } else {
        j - 1
    };
    let np = backward_np(tokens, cues, end)?;
    Some((found(tokens, cues, np, None), Frame::Fallback))
}

/// Whether a clause without "that" starts at `k`: a short subject and then a finite verb ("stressed
/// the UK would abide by …", "insisted the plan was fair").
fn bare_clause(tokens: &Tokens, cues: &Cues, k: usize) -> bool {
    (k + 1..tokens.len().min(k + 5))
        .take_while(|&m| tokens.is_word(m))
        .any(|m| cues.grammar.finite.contains(tokens.lower(m)) && !tokens.list[m].capital)
}

/// Whether the word before a verb is a subject that makes it finite: a name, a pronoun, or a
/// plural speaker noun ("Greenpeace claims the spill …", "officials claim the rollout …").
fn plain_subject(tokens: &Tokens, cues: &Cues, k: usize) -> bool {
    let w = tokens.lower(k);
    // A capital opening the sentence is a name only if it is not a plural common noun ("Talks
    // continue …").
    let name = tokens.list[k].capital && (k > 0 || !w.ends_with('s'));
    tokens.is_word(k)
        && (name
            || matches!(w, "he" | "she" | "they")
            || (cues.anonymous.contains(w) && w.ends_with('s'))
            || cues.weasels.contains(w))
}

/// Whether the naming verb at `i` has its frame: "called for", "called on", "described as", or
/// a quotation or "as" within the next few words.
fn naming_frame(tokens: &Tokens, cues: &Cues, i: usize) -> bool {
    if matches!(tokens.lower(i + 1), "for" | "on" | "as") {
        return true;
    }
    // Further on, only for a verb that is surely one ("called", "Kise calls"), not a noun
    // ("marketing calls apply as much …").
    let word = tokens.lower(i);
    let finite =
        word.ends_with("ed") || (word.ends_with('s') && plain_subject(tokens, cues, i - 1));
    finite
        && (i + 2..tokens.len().min(i + 8))
            .any(|k| matches!(tokens.list[k].kind, Kind::Quote(_)) || tokens.lower(k) == "as")
}

/// A passive reporting verb: its agent after "by" ("it was revealed by the charity that …"), or
/// with no agent, anonymous with no source for the verbs of agentless reporting and belief ("is
/// expected to", "were reported", "it is thought that").
fn passive_source(tokens: &Tokens, cues: &Cues, i: usize) -> Option<(Attribution, Frame)> {
    let word = tokens.lower(i);
    // Verbs that report only in a frame: "is seen as", "was described as", "are told to", also
    // after the agent ("was described by the coach as …"); "was seen by a neighbour" is
    // perception, with or without an agent.
    let framed = matches!(tokens.lower(i + 1), "as" | "to" | "that")
        || (tokens.lower(i + 1) == "by"
            && (i + 2..tokens.len().min(i + 8)).any(|k| tokens.lower(k) == "as"));
    if cues.grammar.agentless_framed.contains(word) && !framed {
        return None;
    }
    // "was described as unsafe by inspectors": the frame's "as" is no clause boundary.
    let mut k = if tokens.lower(i + 1) == "as" {
        i + 2
    } else {
        i + 1
    };
    while k < tokens.len() && k - i <= 6 && tokens.is_word(k) {
        let w = tokens.lower(k);
        if w == "by" {
            // "seen by 50% fewer people", "cut by a third": a measure, not an agent.
            if tokens
                .lower(k + 1)
                .starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            let np = forward_np(tokens, cues, k + 1, false)?;
            return Some((found(tokens, cues, np, None), Frame::Main));
        }
        // "expected to recover by June": the agent belongs to the participle, not to a verb
        // after it.
        if cues.grammar.boundaries.contains(w) || w == "to" {
            break;
        }
        k += 1;
    }
    (cues.grammar.agentless.contains(word) || cues.grammar.agentless_framed.contains(word))
        .then_some((
            Attribution {
                source: None,
                who: Who::Anonymous,
            },
            Frame::Fallback,
        ))
}

#[cfg(test)]
mod tests {
    use super::super::expect_first;

    const S: Option<&str> = Some("sourced");
    const U: Option<&str> = Some("unsourced");
    const NAMED: Option<&str> = Some("named");
    const ANON: Option<&str> = Some("anonymous");

    #[test]
    fn stance_and_speech_act_verbs_attribute_to_their_subject() {
        expect_first(&[
            (
                "Councillor Ada Nwosu welcomed the new cycle lanes.",
                S,
                NAMED,
                "Councillor Ada Nwosu",
            ),
            (
                "The union accused the board of hiding the losses.",
                S,
                NAMED,
                "The union",
            ),
            (
                "Mr Brandt thinks the ferry will never pay its way.",
                S,
                NAMED,
                "Mr Brandt",
            ),
            (
                "The Green Party has called for a ban on night flights.",
                S,
                NAMED,
                "The Green Party",
            ),
            (
                "Coach Ina Vos branded the decision “absurd”.",
                S,
                NAMED,
                "Coach Ina Vos",
            ),
            (
                "Mr Holt did not agree with the verdict.",
                S,
                NAMED,
                "Mr Holt",
            ),
            (
                "Tenants' groups claim the rents have doubled.",
                S,
                ANON,
                "Tenants' groups",
            ),
            (
                "Critics of the levy say it is too costly.",
                S,
                ANON,
                "Critics of the levy",
            ),
            ("The mill expects orders to fall.", S, NAMED, "The mill"),
        ]);
    }

    #[test]
    fn attribution_inside_clauses_participles_and_passives() {
        expect_first(&[
            (
                "The vote was delayed, with the chairman saying the count was incomplete.",
                S,
                NAMED,
                "the chairman",
            ),
            (
                "Farmers' unions reacted angrily, saying the quota would ruin them.",
                S,
                ANON,
                "Farmers' unions",
            ),
            (
                "It was disclosed by the Harbour Trust that two cranes had failed.",
                S,
                NAMED,
                "the Harbour Trust",
            ),
            (
                "The bank summoned its auditors and said the accounts were sound.",
                S,
                NAMED,
                "The bank",
            ),
            (
                "Minister Lea Park was quoted as saying by the local radio that talks had failed.",
                S,
                NAMED,
                "Minister Lea Park",
            ),
        ]);
    }

    #[test]
    fn agentless_reporting_and_belief_are_anonymous_without_a_source() {
        expect_first(&[
            ("The new bridge is expected to open in spring.", S, ANON, ""),
            (
                "Three trawlers were reported missing overnight.",
                S,
                ANON,
                "",
            ),
            (
                "It is thought that the fire began in the kitchen.",
                S,
                ANON,
                "",
            ),
            (
                "The old mill has long been seen as a fire risk.",
                S,
                ANON,
                "",
            ),
            (
                "The pier was described as unsafe by inspectors.",
                S,
                ANON,
                "inspectors",
            ),
            ("The suspect was seen in the station at noon.", U, None, ""),
            (
                "The ferry is not expected to sail before Friday.",
                S,
                ANON,
                "",
            ),
            (
                "The market was now expected to recover by June.",
                S,
                ANON,
                "",
            ),
        ]);
    }

    #[test]
    fn a_possessive_speaker_after_a_comma_is_the_source() {
        expect_first(&[
            (
                "Judge Mira Holm has closed the case, her office said.",
                S,
                NAMED,
                "her office",
            ),
            (
                "The depot will shut in May, his spokesman said.",
                S,
                ANON,
                "his spokesman",
            ),
            (
                "The airline will cut ten routes, its chief executive said.",
                S,
                NAMED,
                "its chief executive",
            ),
            (
                "The singer never signed the deal, their lawyer said.",
                S,
                NAMED,
                "their lawyer",
            ),
            (
                "The pier will reopen, its annual report said.",
                S,
                NAMED,
                "its annual report",
            ),
            (
                "Her office says the bridge is safe.",
                S,
                NAMED,
                "Her office",
            ),
            (
                "The bureau forecast that the river would flood.",
                S,
                NAMED,
                "The bureau",
            ),
        ]);
    }

    #[test]
    fn perception_and_measures_after_a_passive_are_no_agent() {
        expect_first(&[
            (
                "The play was seen by 40% more people than last year.",
                U,
                None,
                "",
            ),
            (
                "The van was seen by a neighbour near the dock.",
                U,
                None,
                "",
            ),
            (
                "The stadium was described by its architect as a “bowl of light”.",
                S,
                NAMED,
                "its architect",
            ),
            (
                "Wales, third in the league with zero points, face Italy on Sunday.",
                U,
                None,
                "",
            ),
            (
                "For a week there was speculation the striker would leave.",
                S,
                ANON,
                "",
            ),
        ]);
    }

    #[test]
    fn reporting_verbs_used_as_nouns_after_a_determiner_are_no_cue() {
        expect_first(&[
            (
                "The weather forecast for the weekend is wet and cold.",
                U,
                None,
                "",
            ),
            ("The annual report for 2003 lists four mills.", U, None, ""),
            ("His economic forecast was far too rosy.", U, None, ""),
            ("The sales forecast was cut twice in March.", U, None, ""),
        ]);
    }

    #[test]
    fn words_spelled_like_reporting_verbs_used_otherwise_are_no_cue() {
        expect_first(&[
            (
                "The mayor had to answer an urgent question in the chamber.",
                U,
                None,
                "",
            ),
            (
                "Several projects were dropped after the audit.",
                U,
                None,
                "",
            ),
            (
                "Their insurance claims were paid within a week.",
                U,
                None,
                "",
            ),
            ("Sales continued to fall in the spring.", U, None, ""),
            ("Talks continue into the night.", U, None, ""),
            (
                "The lawyer asked the mayor whether he had signed it.",
                U,
                None,
                "",
            ),
            (
                "Two fans asked to swap their tickets at the gate.",
                U,
                None,
                "",
            ),
            ("The shop bans marketing calls after eight.", U, None, ""),
            (
                "Both depots are run by the city and backed by grants.",
                U,
                None,
                "",
            ),
            (
                "The station stays open at one point in the night.",
                U,
                None,
                "",
            ),
        ]);
    }
}
