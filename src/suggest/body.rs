//! Whether a source is a body (a ministry, the police, Reuters) rather than a person, so an
//! export can type it as an `Organization`: the head of the source phrase decides, as it does
//! for pronouns ([`super::document`]), with the `organisations` list of `assets/cues.toml`.

use super::cues::Cues;
use super::document::PERSON_WORDS;
use super::organisation::{singular, words};

/// Words that end the naming part of a source phrase: what follows is where the source works or
/// what it speaks for ("officials at the ministry", "a spokesman for the police").
const PREPOSITIONS: &[&str] = &["of", "for", "at", "from", "in", "with", "on", "by"];

/// Whether the source phrase `source` names a body rather than a person: its head (the last word
/// before a preposition) is a body noun or ends a known organisation's name ("the port
/// authority", "Police", "the Ministry of Defence", "Human Rights Watch", "unions"), or a
/// document, whose author is a body ("a UN report"). A person's title or role as the head ("a
/// police spokesman", "Interior Minister Dr Osei"), or an unnamed group of people
/// ("officials"), makes it a person.
pub fn is_body(source: &str, cues: &Cues) -> bool {
    let all = words(source);
    let naming: Vec<String> = all
        .iter()
        .take_while(|w| !PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .cloned()
        .collect();
    let Some(head) = naming.last().map(|h| h.to_lowercase()) else {
        return false;
    };
    if PERSON_WORDS.contains(&head.as_str())
        || singular(&head).is_some_and(|s| PERSON_WORDS.contains(&s.as_str()))
    {
        return false;
    }
    cues.organisations.iter().any(|body| body.ends(&naming)) || cues.documents.contains(&head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_by_their_head_or_their_name() {
        let cues = Cues::builtin();
        for body in [
            "the port authority",
            "Police",
            "the Ministry of Defence",
            "Reuters",
            "Human Rights Watch",
            "the U.N.",
            "the WHO",
            "unions",
            "the authorities",
            "a UN report",
            "the Treasury's",
        ] {
            assert!(is_body(body, &cues), "{body} is a body");
        }
    }

    #[test]
    fn people_by_their_title_role_or_name() {
        let cues = Cues::builtin();
        for person in [
            "a police spokesman",
            "Interior Minister Dr. Amara Okonkwo-Vance",
            "officials at the ministry",
            "Mayor Jane Holloway",
            "Jane Holloway",
            "anonymous officials",
            "a source familiar with the talks",
            "who",
            "",
        ] {
            assert!(!is_body(person, &cues), "{person} is not a body");
        }
    }

    #[test]
    fn the_config_adds_bodies() {
        for body in ["the prefecture", "Médecins Sans Frontières"] {
            assert!(!is_body(body, &Cues::builtin()), "{body} is not built in");
        }
        let extra = super::super::Extra {
            organisations: vec!["prefecture".into(), "Médecins Sans Frontières".into()],
            ..super::super::Extra::default()
        };
        let cues = Cues::new(&extra).expect("valid");
        assert!(is_body("the prefecture", &cues));
        assert!(is_body("Médecins sans frontières", &cues), "any case");
    }

    #[test]
    fn capitals_only_names_need_capitals() {
        let un = super::super::organisation::Body::new("UN").expect("an entry");
        assert!(un.ends(&["the".into(), "UN".into()]));
        assert!(!un.ends(&["un".into()]));
        let police = super::super::organisation::Body::new("police").expect("an entry");
        assert!(police.ends(&["Police".into()]));
    }
}
