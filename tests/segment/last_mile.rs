//! Cases for issue 20, "Sentences, the last mile": one group per rule family. Every text is
//! fictional and was written for this table.

use super::Case;

/// Enumerations written inside running text, on one line.
pub const ENUMERATIONS: &[Case] = &[
    (
        "1) seal the site 2) recover the logs 3) brief the ministry",
        &[
            "1) seal the site",
            "2) recover the logs",
            "3) brief the ministry",
        ],
    ),
    (
        "1.) Close the port 2.) Count the crates",
        &["1.) Close the port", "2.) Count the crates"],
    ),
    (
        "1.) Close the port. 2.) Count the crates.",
        &["1.) Close the port.", "2.) Count the crates."],
    ),
    (
        "1. Interview the pilot 2. Check the manifest 3. File the report",
        &[
            "1. Interview the pilot",
            "2. Check the manifest",
            "3. File the report",
        ],
    ),
    (
        "1. Interview the pilot. 2. Check the manifest.",
        &["1. Interview the pilot.", "2. Check the manifest."],
    ),
    (
        "a. The harbour log b. The radio log c. The fuel receipts",
        &[
            "a. The harbour log",
            "b. The radio log",
            "c. The fuel receipts",
        ],
    ),
    (
        "• 4. Map the depots • 5. Name the drivers",
        &["• 4. Map the depots", "• 5. Name the drivers"],
    ),
    (
        "⁃7. Trace the wire ⁃8. Freeze the account",
        &["⁃7. Trace the wire", "⁃8. Freeze the account"],
    ),
    (
        "a) ask Varga b) ask Osei c) ask nobody else",
        &["a) ask Varga", "b) ask Osei", "c) ask nobody else"],
    ),
    (
        "The audit closed. 1) Pay the fine 2) Replace the board",
        &[
            "The audit closed.",
            "1) Pay the fine",
            "2) Replace the board",
        ],
    ),
    (
        "9) the last ferry 10) the first train",
        &["9) the last ferry", "10) the first train"],
    ),
    (
        "1. The budget rose by 2.5 percent and 3. Nothing else changed",
        &[
            "1. The budget rose by 2.5 percent and 3.",
            "Nothing else changed",
        ],
    ),
    (
        "Next steps: 1) seal the site 2) recover the logs 3) brief the ministry",
        &[
            "Next steps:",
            "1) seal the site",
            "2) recover the logs",
            "3) brief the ministry",
        ],
    ),
    (
        "The crew must 1. secure the hold 2. log the cargo before dawn.",
        &[
            "The crew must",
            "1. secure the hold",
            "2. log the cargo before dawn.",
        ],
    ),
    (
        "Three leads remain: a. the harbour log b. the radio log c. the receipts.",
        &[
            "Three leads remain:",
            "a. the harbour log",
            "b. the radio log",
            "c. the receipts.",
        ],
    ),
    (
        "Two demands followed: 1.) Close the port 2.) Count the crates",
        &[
            "Two demands followed:",
            "1.) Close the port",
            "2.) Count the crates",
        ],
    ),
    (
        "Orders were clear: a) ask Varga b) ask Osei. Nobody asked.",
        &[
            "Orders were clear:",
            "a) ask Varga",
            "b) ask Osei.",
            "Nobody asked.",
        ],
    ),
    (
        "The plan: • 1. Map the depots • 2. Name the drivers",
        &["The plan:", "• 1. Map the depots", "• 2. Name the drivers"],
    ),
    (
        "The plan: ⁃1. Trace the wire ⁃2. Freeze the account",
        &["The plan:", "⁃1. Trace the wire", "⁃2. Freeze the account"],
    ),
    (
        "The fault appeared in 2) cases out of forty.",
        &["The fault appeared in 2) cases out of forty."],
    ),
    (
        "See note 1) for the method and the appendix for the data.",
        &["See note 1) for the method and the appendix for the data."],
    ),
    (
        "Exports rose 3. Imports fell to version 2. Nobody cared.",
        &[
            "Exports rose 3.",
            "Imports fell to version 2.",
            "Nobody cared.",
        ],
    ),
    (
        "Steps: 1) seal the site 3) brief the ministry",
        &["Steps: 1) seal the site 3) brief the ministry"],
    ),
    (
        "Ranked 2) second and 3) third behind the leader.",
        &["Ranked 2) second and 3) third behind the leader."],
    ),
    (
        "Section 1.) of the act and section 2.1 apply here.",
        &["Section 1.) of the act and section 2.1 apply here."],
    ),
    (
        "Two options remained: 1) to pack the board, or 2) to remove the chair.",
        &["Two options remained: 1) to pack the board, or 2) to remove the chair."],
    ),
    (
        "The convoy needs 1) a permit and 2) a driver by Monday.",
        &["The convoy needs 1) a permit and 2) a driver by Monday."],
    ),
    (
        "Cases11) and 2) were closed in March.",
        &["Cases11) and 2) were closed in March."],
    ),
];

/// Abbreviations that end a sentence before a capitalised word that is no common opener.
pub const ABBREVIATIONS_AT_THE_END: &[Case] = &[
    (
        "The firm moved to Dover, Del. Voting starts in May.",
        &["The firm moved to Dover, Del.", "Voting starts in May."],
    ),
    (
        "The hall is open from 9 a.m. to 5 p.m. Crowds gathered early.",
        &[
            "The hall is open from 9 a.m. to 5 p.m.",
            "Crowds gathered early.",
        ],
    ),
    (
        "The yard was sold to Harlan Steel Co. Shares fell at once.",
        &[
            "The yard was sold to Harlan Steel Co.",
            "Shares fell at once.",
        ],
    ),
    (
        "By 7 a.m. Dr. Osei had arrived at the gate.",
        &["By 7 a.m. Dr. Osei had arrived at the gate."],
    ),
    (
        "At 6 a.m. Mrs. Lund opened the archive.",
        &["At 6 a.m. Mrs. Lund opened the archive."],
    ),
    (
        "The depot closes at 8 p.m. Mr. Kale checks the locks.",
        &["The depot closes at 8 p.m.", "Mr. Kale checks the locks."],
    ),
    (
        "The convoy left Nashville, Tenn. Witnesses counted nine trucks.",
        &[
            "The convoy left Nashville, Tenn.",
            "Witnesses counted nine trucks.",
        ],
    ),
    (
        "The hearing ends at 4 p.m. Friday in the annex.",
        &["The hearing ends at 4 p.m. Friday in the annex."],
    ),
    (
        "She grew up in Fresno, Calif. Reporters found her school.",
        &[
            "She grew up in Fresno, Calif.",
            "Reporters found her school.",
        ],
    ),
    (
        "He worked for the U.S. Department of Labor.",
        &["He worked for the U.S. Department of Labor."],
    ),
    (
        "Mail arrives after 10 a.m. Couriers come later.",
        &["Mail arrives after 10 a.m.", "Couriers come later."],
    ),
];

/// Abbreviations that were missing from the tables.
pub const MISSING_ABBREVIATIONS: &[Case] = &[
    (
        "The rule is in 74 Stat. 1021 and was never used.",
        &["The rule is in 74 Stat. 1021 and was never used."],
    ),
    (
        "Each sack held 50 lb. (23 kg) of grain.",
        &["Each sack held 50 lb. (23 kg) of grain."],
    ),
    (
        "The tank holds 12 cu. ft. of gas.",
        &["The tank holds 12 cu. ft. of gas."],
    ),
    (
        "They used a 4 in. pipe for the drain.",
        &["They used a 4 in. pipe for the drain."],
    ),
    (
        "The cost was 3 oz. / $40 at the port.",
        &["The cost was 3 oz. / $40 at the port."],
    ),
    (
        "The figure is 9 lb. -- far less than claimed.",
        &["The figure is 9 lb. -- far less than claimed."],
    ),
    (
        "See 42 U. S. C. 1983 for the remedy.",
        &["See 42 U. S. C. 1983 for the remedy."],
    ),
    (
        "The case went to U.S. Dist. Judge Mara Quist.",
        &["The case went to U.S. Dist. Judge Mara Quist."],
    ),
    (
        "The plant sits near Tupelo, Miss. (the old mill town).",
        &["The plant sits near Tupelo, Miss. (the old mill town)."],
    ),
    (
        "The shipment weighed 200 lbs. The buyer refused it.",
        &["The shipment weighed 200 lbs.", "The buyer refused it."],
    ),
    (
        "The office is in Austin, Tex. 78701 on the third floor.",
        &["The office is in Austin, Tex. 78701 on the third floor."],
    ),
];

/// Initials, and single capitals that name a thing.
pub const INITIALS: &[Case] = &[
    (
        "Henry I. Walsh signed the lease.",
        &["Henry I. Walsh signed the lease."],
    ),
    (
        "The dealer sells J. I. Case tractors.",
        &["The dealer sells J. I. Case tractors."],
    ),
    (
        "We argued, you and I. Nobody won.",
        &["We argued, you and I.", "Nobody won."],
    ),
    (
        "Did you meet Omar I. Fenn at the dock?",
        &["Did you meet Omar I. Fenn at the dock?"],
    ),
    (
        "Take any element of the set S. Then apply the map.",
        &["Take any element of the set S.", "Then apply the map."],
    ),
    (
        "Let V be a space over the field F. Let p be a polynomial.",
        &[
            "Let V be a space over the field F.",
            "Let p be a polynomial.",
        ],
    ),
    (
        "The memo was signed by R. T. Oduya and filed.",
        &["The memo was signed by R. T. Oduya and filed."],
    ),
    (
        "Most voters chose option B. Turnout was low.",
        &["Most voters chose option B.", "Turnout was low."],
    ),
    (
        "The Rev. Alma I. Sorensen led the service.",
        &["The Rev. Alma I. Sorensen led the service."],
    ),
    (
        "Draw the line through point P. Measure the angle.",
        &["Draw the line through point P.", "Measure the angle."],
    ),
    (
        "Both W. B. I. Marsh and his aide were there.",
        &["Both W. B. I. Marsh and his aide were there."],
    ),
];

/// Citations after a sentence, and ellipses.
pub const CITATIONS_AND_ELLIPSES: &[Case] = &[
    (
        "\"The harbour [...] by night\" (Osei 12).",
        &["\"The harbour [...] by night\" (Osei 12)."],
    ),
    (
        "The clerk wrote \"no cargo was seen.\" (Varga 44). The log agrees.",
        &[
            "The clerk wrote \"no cargo was seen.\" (Varga 44).",
            "The log agrees.",
        ],
    ),
    (
        "Nobody checked the inspection. (cf. Varga, 2019.)",
        &["Nobody checked the inspection. (cf. Varga, 2019.)"],
    ),
    (
        "What I mean is . . . we were never told.",
        &["What I mean is . . . we were never told."],
    ),
    (
        "The answer is . . . I do not know.",
        &["The answer is . . . I do not know."],
    ),
    (
        "They cut the fence. . . . Nobody saw them.",
        &["They cut the fence.", ". . . Nobody saw them."],
    ),
    (
        "The trail went cold. . . .",
        &["The trail went cold. . . ."],
    ),
    (
        "The guard said \"nothing happened. . . .\"",
        &["The guard said \"nothing happened. . . .\""],
    ),
    (
        "He counted the boxes and . . . Then the lights went out.",
        &["He counted the boxes and . . . Then the lights went out."],
    ),
    (
        "\"We left at dawn\" (Lund 7). Nobody followed.",
        &["\"We left at dawn\" (Lund 7).", "Nobody followed."],
    ),
    (
        "The order ended with the word . . . . Next came the signature.",
        &[
            "The order ended with the word . . . .",
            "Next came the signature.",
        ],
    ),
];

/// A closing quote set off from its period by a space.
pub const SPACED_CLOSING_QUOTES: &[Case] = &[
    (
        "\"Costs rose 11%. \" Nobody disputed it.",
        &["\"Costs rose 11%. \"", "Nobody disputed it."],
    ),
    (
        "He said \"we are done. \" Then he left.",
        &["He said \"we are done. \"", "Then he left."],
    ),
    (
        "“The gate was open. ” The guard denied it.",
        &["“The gate was open. ”", "The guard denied it."],
    ),
    (
        "\"Who paid? \" Nobody knew.",
        &["\"Who paid? \"", "Nobody knew."],
    ),
    (
        "\"Stop! \" The crowd froze.",
        &["\"Stop! \"", "The crowd froze."],
    ),
    ("\"It was late. \"", &["\"It was late. \""]),
    (
        "The note read \"burn it. \" It was unsigned.",
        &["The note read \"burn it. \"", "It was unsigned."],
    ),
    (
        "They left. \"Next time,\" she said.",
        &["They left.", "\"Next time,\" she said."],
    ),
    (
        "It ended. \"Why?\" he asked.",
        &["It ended.", "\"Why?\" he asked."],
    ),
    (
        "“We saw the ship. ” “So did we. ”",
        &["“We saw the ship. ”", "“So did we. ”"],
    ),
];

/// Hard-wrapped lines full of names, which are no headings.
pub const WRAPPED_NAMES: &[Case] = &[
    (
        "The inquiry covered the Mayor's Office, the Harbour Board, the Tax\n\
         Commissioner's Office, the Bellwood and Alder Prison Farms, and the\n\
         county hospital.",
        &[
            "The inquiry covered the Mayor's Office, the Harbour Board, the Tax\n\
           Commissioner's Office, the Bellwood and Alder Prison Farms, and the\n\
           county hospital.",
        ],
    ),
    (
        "Mrs. Ada Lund of Kestrel Bay, a graduate of the Marine Academy, has a\n\
         Bachelor of Science from the University of\n\
         Northmere and a doctorate from Ostrava.",
        &[
            "Mrs. Ada Lund of Kestrel Bay, a graduate of the Marine Academy, has a\n\
           Bachelor of Science from the University of\n\
           Northmere and a doctorate from Ostrava.",
        ],
    ),
    (
        "Members of the Port Authority, the River Pilots Guild, and Howard\n\
         Vance of Marlow attended the session with the harbour master.",
        &[
            "Members of the Port Authority, the River Pilots Guild, and Howard\n\
           Vance of Marlow attended the session with the harbour master.",
        ],
    ),
    (
        "The award went to Senator Ilse Varga, Governor Tomas Reyes and Mayor\n\
         Terry Holm, all Independents, after a vote in the capital.",
        &[
            "The award went to Senator Ilse Varga, Governor Tomas Reyes and Mayor\n\
           Terry Holm, all Independents, after a vote in the capital.",
        ],
    ),
    (
        "Guests included Mrs. Rose Adair, Mrs. Paul Brenner, Mrs. Alma Carr,\n\
         Mrs. Dora Fisk, Mrs. Edith Gale, Mrs. Ivo Hart and Mrs. Nell Ives.",
        &[
            "Guests included Mrs. Rose Adair, Mrs. Paul Brenner, Mrs. Alma Carr,\n\
           Mrs. Dora Fisk, Mrs. Edith Gale, Mrs. Ivo Hart and Mrs. Nell Ives.",
        ],
    ),
    (
        "The Central Bank, the Ministry of Finance, the Customs Office and the\n\
         Coast Guard signed the agreement in the presence of observers.",
        &[
            "The Central Bank, the Ministry of Finance, the Customs Office and the\n\
           Coast Guard signed the agreement in the presence of observers.",
        ],
    ),
    (
        "Her report went to the Office of Budget Review, the Treasury Board (\n\
         a body of nine members) and the auditors before the vote began.",
        &[
            "Her report went to the Office of Budget Review, the Treasury Board (\n\
           a body of nine members) and the auditors before the vote began.",
        ],
    ),
    (
        "The contract went to Northmere Dredging, Kestrel Marine, Alder Works\n\
         and the Bellwood Towing Company after three rounds of bidding.",
        &[
            "The contract went to Northmere Dredging, Kestrel Marine, Alder Works\n\
           and the Bellwood Towing Company after three rounds of bidding.",
        ],
    ),
    (
        "Among the speakers were Judge Ana Ruiz, Professor Lior Abend, Rafe\n\
         Osterman of Dunmore, Captain Mara Kell and Inspector Tobin Reyes.",
        &[
            "Among the speakers were Judge Ana Ruiz, Professor Lior Abend, Rafe\n\
           Osterman of Dunmore, Captain Mara Kell and Inspector Tobin Reyes.",
        ],
    ),
    (
        "Harbour Security and Regional Shipping Risk After the Grid Failure\n\
         The blackout closed the port for two days and stranded forty ships.",
        &[
            "Harbour Security and Regional Shipping Risk After the Grid Failure",
            "The blackout closed the port for two days and stranded forty ships.",
        ],
    ),
];

/// Hard-wrapped lines that start with a number and a period.
pub const WRAPPED_NUMBERS: &[Case] = &[
    (
        "The registry listed the mayor's occupation as lawyer and his age as\n\
         71. It listed his wife's age as 68 and their home as the old mill.",
        &[
            "The registry listed the mayor's occupation as lawyer and his age as\n\
             71.",
            "It listed his wife's age as 68 and their home as the old mill.",
        ],
    ),
    (
        "The curves for both samples were plotted together in figure\n\
         4. They showed the same drop after the second week of the trial.",
        &[
            "The curves for both samples were plotted together in figure\n\
             4.",
            "They showed the same drop after the second week of the trial.",
        ],
    ),
    (
        "The count of boats seized in the northern harbour that winter was\n\
         12. Most of them were returned to their owners within the month.",
        &[
            "The count of boats seized in the northern harbour that winter was\n\
             12.",
            "Most of them were returned to their owners within the month.",
        ],
    ),
    (
        "The board will vote on these questions at its next meeting:\n\
         1. Whether to sell the northern depot to the port authority.\n\
         2. Whether to close the southern depot before the winter season.",
        &[
            "The board will vote on these questions at its next meeting:",
            "1. Whether to sell the northern depot to the port authority.",
            "2. Whether to close the southern depot before the winter season.",
        ],
    ),
    (
        "The committee has finished its review of the harbour accounts.\n\
         2. The second finding concerns the fuel bought in the spring.",
        &[
            "The committee has finished its review of the harbour accounts.",
            "2. The second finding concerns the fuel bought in the spring.",
        ],
    ),
    (
        "1. Seal the site before the inspectors arrive from the capital\n\
         2. Recover the logs from the harbour office and copy them twice",
        &[
            "1. Seal the site before the inspectors arrive from the capital",
            "2. Recover the logs from the harbour office and copy them twice",
        ],
    ),
    (
        "Police said the driver had been awake since 5 a.m. and was aged\n\
         43. He had no licence for the truck he was driving on the bridge.",
        &[
            "Police said the driver had been awake since 5 a.m. and was aged\n\
             43.",
            "He had no licence for the truck he was driving on the bridge.",
        ],
    ),
    (
        "The fleet that the navy kept in the bay during the crisis numbered\n\
         30. Only a third of those ships could still sail by the spring.",
        &[
            "The fleet that the navy kept in the bay during the crisis numbered\n\
             30.",
            "Only a third of those ships could still sail by the spring.",
        ],
    ),
    (
        "The tables were printed in the appendix, as the editors noted in\n\
         2. The first edition left them out, and readers complained about it.",
        &[
            "The tables were printed in the appendix, as the editors noted in\n\
             2.",
            "The first edition left them out, and readers complained about it.",
        ],
    ),
    (
        "The number of witnesses who came forward after the appeal rose to\n\
         15. Nine of them said they had seen the van near the warehouse.",
        &[
            "The number of witnesses who came forward after the appeal rose to\n\
             15.",
            "Nine of them said they had seen the van near the warehouse.",
        ],
    ),
];
