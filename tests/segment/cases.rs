//! The segmentation cases: texts and the exact sentences a careful reader sees in them.
//!
//! Shared by `tests/segment_cases.rs`, which checks sidenote against every case, and by
//! `examples/segment_compare.rs`, which exports them for the comparison with pySBD and
//! sentencex (`bench/compare.py`). Every text is fictional and was written for this table.

#[path = "last_mile.rs"]
mod last_mile;

/// A text and the sentences expected in it, in order and trimmed.
pub type Case = (&'static str, &'static [&'static str]);

/// The cases, in groups named after what they exercise.
pub const CATEGORIES: &[(&str, &[Case])] = &[
    ("abbreviations inside a sentence", ABBREVIATIONS_INSIDE),
    ("abbreviations ending a sentence", ABBREVIATIONS_ENDING),
    ("numbers", NUMBERS),
    ("e-mail, web addresses, file names", ADDRESSES),
    ("quotes and brackets", QUOTES_AND_BRACKETS),
    ("repeated punctuation and ellipses", PUNCTUATION),
    ("lists", LISTS),
    ("layout: headings, bylines, datelines", LAYOUT),
    ("hard-wrapped vs one paragraph per line, CRLF", WRAPPING),
    ("other scripts", SCRIPTS),
    ("curly quotes and dashes", CURLY_AND_DASHES),
    ("plain prose", PLAIN),
    ("enumerations inside running text", last_mile::ENUMERATIONS),
    (
        "abbreviations at a sentence end before a capital",
        last_mile::ABBREVIATIONS_AT_THE_END,
    ),
    (
        "abbreviations missing from the tables",
        last_mile::MISSING_ABBREVIATIONS,
    ),
    ("initials and single-letter symbols", last_mile::INITIALS),
    ("citations and ellipses", last_mile::CITATIONS_AND_ELLIPSES),
    (
        "a closing quote after a space",
        last_mile::SPACED_CLOSING_QUOTES,
    ),
    ("hard-wrapped lines full of names", last_mile::WRAPPED_NAMES),
    (
        "hard-wrapped lines starting with a number",
        last_mile::WRAPPED_NUMBERS,
    ),
];

/// Abbreviations whose period does not end the sentence.
const ABBREVIATIONS_INSIDE: &[Case] = &[
    (
        "Invoice no. 4471 was paid late.",
        &["Invoice no. 4471 was paid late."],
    ),
    (
        "He works for the U.S. Department of Energy.",
        &["He works for the U.S. Department of Energy."],
    ),
    (
        "The meeting is on Fri. Jan. 5 at the town hall.",
        &["The meeting is on Fri. Jan. 5 at the town hall."],
    ),
    (
        "The U.S. Sen. Park said so.",
        &["The U.S. Sen. Park said so."],
    ),
    ("See Vol. II for the maps.", &["See Vol. II for the maps."]),
    (
        "Mr. and Mrs. Quint left early.",
        &["Mr. and Mrs. Quint left early."],
    ),
    (
        "Mr. Halvorsen and Mrs. Quint arrived at noon.",
        &["Mr. Halvorsen and Mrs. Quint arrived at noon."],
    ),
    (
        "Dr. Ilse Varga, the chief surgeon, declined to comment.",
        &["Dr. Ilse Varga, the chief surgeon, declined to comment."],
    ),
    (
        "Prof. Adaeze Linde of the maritime institute disagreed.",
        &["Prof. Adaeze Linde of the maritime institute disagreed."],
    ),
    (
        "Gen. Rafe Osterman inspected the troops with Lt. Mara Kell and Sgt. Tobin Reyes.",
        &["Gen. Rafe Osterman inspected the troops with Lt. Mara Kell and Sgt. Tobin Reyes."],
    ),
    (
        "Pilgrims climbed Mt. Oreval before dawn and prayed at St. Ansel's chapel.",
        &["Pilgrims climbed Mt. Oreval before dawn and prayed at St. Ansel's chapel."],
    ),
    (
        "Rep. Dana Whitcombe and Sen. Lior Abend wrote the bill, which Gov. Pell signed.",
        &["Rep. Dana Whitcombe and Sen. Lior Abend wrote the bill, which Gov. Pell signed."],
    ),
    (
        "The talks resumed on Jan. 14 and collapsed by Feb. 2 without a deal.",
        &["The talks resumed on Jan. 14 and collapsed by Feb. 2 without a deal."],
    ),
    (
        "Valdoria Shipping Co. and Brenholt Inc. signed the charter.",
        &["Valdoria Shipping Co. and Brenholt Inc. signed the charter."],
    ),
    (
        "Orrin Ltd. shares rose 4% while Kestrel Corp. bonds fell.",
        &["Orrin Ltd. shares rose 4% while Kestrel Corp. bonds fell."],
    ),
    (
        "Imports of grain, timber, etc. were suspended for a week.",
        &["Imports of grain, timber, etc. were suspended for a week."],
    ),
    (
        "Coastal towns, e.g. Port Amsel and Lindqvist Bay, lost power.",
        &["Coastal towns, e.g. Port Amsel and Lindqvist Bay, lost power."],
    ),
    (
        "The smaller parties, i.e. The Greens and Civic Forward, walked out.",
        &["The smaller parties, i.e. The Greens and Civic Forward, walked out."],
    ),
    (
        "It was Halloran vs. Beck in the final round.",
        &["It was Halloran vs. Beck in the final round."],
    ),
    (
        "See the earlier ruling (cf. Annex B) for the details.",
        &["See the earlier ruling (cf. Annex B) for the details."],
    ),
    (
        "The reservoir holds approx. 40 million cubic metres of water.",
        &["The reservoir holds approx. 40 million cubic metres of water."],
    ),
    (
        "Ticket No. 58 won the raffle.",
        &["Ticket No. 58 won the raffle."],
    ),
    (
        "The warehouse co. named in the filing has no staff.",
        &["The warehouse co. named in the filing has no staff."],
    ),
    (
        "The quote is on p. 55 of the report and again on pp. 70-72.",
        &["The quote is on p. 55 of the report and again on pp. 70-72."],
    ),
    (
        "They met at the corner of Elm st. and Canal Road.",
        &["They met at the corner of Elm st. and Canal Road."],
    ),
    (
        "The treaty was drafted by Edwin P. Marlowe and his staff.",
        &["The treaty was drafted by Edwin P. Marlowe and his staff."],
    ),
    (
        "The sea novels of E. M. R. Halloway sold well in the port towns.",
        &["The sea novels of E. M. R. Halloway sold well in the port towns."],
    ),
    (
        "U.S. and U.K. officials met U.N. envoys in Brask.",
        &["U.S. and U.K. officials met U.N. envoys in Brask."],
    ),
    (
        "The E.U. summit opened at 9 a.m. on Thursday.",
        &["The E.U. summit opened at 9 a.m. on Thursday."],
    ),
    (
        "She earned a Ph.D. in hydrology from Varnholt University.",
        &["She earned a Ph.D. in hydrology from Varnholt University."],
    ),
    (
        "The ferry leaves at 7 A.M. sharp and returns at 6 P.M. on weekdays.",
        &["The ferry leaves at 7 A.M. sharp and returns at 6 P.M. on weekdays."],
    ),
    (
        "The order was signed by Adm. Carrow and Cmdr. Feld.",
        &["The order was signed by Adm. Carrow and Cmdr. Feld."],
    ),
    (
        "Sessions run from Mon. to Fri. in the old hall.",
        &["Sessions run from Mon. to Fri. in the old hall."],
    ),
    (
        "The rally on Sept. 9 drew the largest crowd in years.",
        &["The rally on Sept. 9 drew the largest crowd in years."],
    ),
    (
        "MR. OSTRANDER TESTIFIED BEFORE GEN. PAYNE ARRIVED.",
        &["MR. OSTRANDER TESTIFIED BEFORE GEN. PAYNE ARRIVED."],
    ),
    (
        "The envoy (Dr. Linnea Forsberg) met ex-Gen. Pohl at the border.",
        &["The envoy (Dr. Linnea Forsberg) met ex-Gen. Pohl at the border."],
    ),
    (
        "Engineers from Meridal Bros. Construction repaired the levee.",
        &["Engineers from Meridal Bros. Construction repaired the levee."],
    ),
    (
        "In Harlow v. Denning the court sided with the tenants.",
        &["In Harlow v. Denning the court sided with the tenants."],
    ),
    (
        "Arvid Sorensen Jr. and his sister ran the boatyard.",
        &["Arvid Sorensen Jr. and his sister ran the boatyard."],
    ),
    (
        "The cannery, est. 1962, closed last year.",
        &["The cannery, est. 1962, closed last year."],
    ),
    (
        "The clinic on Calder Ave. near the river stayed open.",
        &["The clinic on Calder Ave. near the river stayed open."],
    ),
    (
        "The firm moved to Lindell, Calif. in March.",
        &["The firm moved to Lindell, Calif. in March."],
    ),
    (
        "Capt. Noor Hadi and Det. Ruth Amsel led the search with Supt. Kowal.",
        &["Capt. Noor Hadi and Det. Ruth Amsel led the search with Supt. Kowal."],
    ),
    (
        "Nine firms, incl. Harwell Marine, bid for the contract.",
        &["Nine firms, incl. Harwell Marine, bid for the contract."],
    ),
    (
        "The storm of Oct. 3 flooded the lower town.",
        &["The storm of Oct. 3 flooded the lower town."],
    ),
    (
        "The lecture by Prof. Dr. Anke Brügge was cancelled.",
        &["The lecture by Prof. Dr. Anke Brügge was cancelled."],
    ),
];

/// The same kinds of abbreviations where a new sentence follows.
const ABBREVIATIONS_ENDING: &[Case] = &[
    (
        "Sen. Lior Abend (D-Calif.) said the bill was dead. Others disagreed.",
        &[
            "Sen. Lior Abend (D-Calif.) said the bill was dead.",
            "Others disagreed.",
        ],
    ),
    (
        "The water was 20° C. The divers went in anyway.",
        &["The water was 20° C.", "The divers went in anyway."],
    ),
    (
        "The vote opens at 10 a.m. ET. Polls close at 8.",
        &["The vote opens at 10 a.m. ET.", "Polls close at 8."],
    ),
    (
        "They met in Brask, Fla. The talks went well.",
        &["They met in Brask, Fla.", "The talks went well."],
    ),
    (
        "The delegation moved to the U.S. They stayed a year.",
        &["The delegation moved to the U.S.", "They stayed a year."],
    ),
    (
        "Her flight landed at 6 P.M. Mr. Okafor met her at the gate.",
        &[
            "Her flight landed at 6 P.M.",
            "Mr. Okafor met her at the gate.",
        ],
    ),
    (
        "Tickets went to Jane and co. They sold out within an hour.",
        &[
            "Tickets went to Jane and co.",
            "They sold out within an hour.",
        ],
    ),
    (
        "The contract went to Talvane Corp. The rival bid was rejected.",
        &[
            "The contract went to Talvane Corp.",
            "The rival bid was rejected.",
        ],
    ),
    (
        "The parcel arrived at 9 a.m. It had been opened.",
        &["The parcel arrived at 9 a.m.", "It had been opened."],
    ),
    (
        "The ministry allowed fuel, food, medicine, etc. Nothing else got through.",
        &[
            "The ministry allowed fuel, food, medicine, etc.",
            "Nothing else got through.",
        ],
    ),
    (
        "She finished her Ph.D. Then she joined the survey team.",
        &["She finished her Ph.D.", "Then she joined the survey team."],
    ),
    (
        "The shipment went to Orvane Ltd. However, it never arrived.",
        &[
            "The shipment went to Orvane Ltd.",
            "However, it never arrived.",
        ],
    ),
    (
        "The festival ends in Sept. The organisers expect record crowds.",
        &[
            "The festival ends in Sept.",
            "The organisers expect record crowds.",
        ],
    ),
    (
        "He retired to Lindell, Calif. He never returned to the port.",
        &[
            "He retired to Lindell, Calif.",
            "He never returned to the port.",
        ],
    ),
    (
        "The vote was set for 10 p.m. But the chamber was empty.",
        &["The vote was set for 10 p.m.", "But the chamber was empty."],
    ),
    (
        "Control of the airport passed to the U.N. Officials called it a turning point.",
        &[
            "Control of the airport passed to the U.N.",
            "Officials called it a turning point.",
        ],
    ),
    (
        "The plan was known as Option C. It failed within weeks.",
        &["The plan was known as Option C.", "It failed within weeks."],
    ),
    (
        "The firm keeps offices in the U.K. and the U.S. Both are closing.",
        &[
            "The firm keeps offices in the U.K. and the U.S.",
            "Both are closing.",
        ],
    ),
    (
        "The lead investor is Halden & Sons Inc. Shares fell 3% on the news.",
        &[
            "The lead investor is Halden & Sons Inc.",
            "Shares fell 3% on the news.",
        ],
    ),
    (
        "Neither side blinked, and neither did I. The talks ended.",
        &[
            "Neither side blinked, and neither did I.",
            "The talks ended.",
        ],
    ),
    (
        "The last convoy leaves at 5 A.M. \"We leave on time,\" the captain said.",
        &[
            "The last convoy leaves at 5 A.M.",
            "\"We leave on time,\" the captain said.",
        ],
    ),
    (
        "The bridge was built by Castell Bros. In 1990 it was widened.",
        &[
            "The bridge was built by Castell Bros.",
            "In 1990 it was widened.",
        ],
    ),
    (
        "The strike began on a Mon. That day no trains ran.",
        &["The strike began on a Mon.", "That day no trains ran."],
    ),
    (
        "Vexley bought the plant from Orn Co. It plans to double output.",
        &[
            "Vexley bought the plant from Orn Co.",
            "It plans to double output.",
        ],
    ),
    (
        "The marchers came from Washington, D.C. Many stayed overnight.",
        &[
            "The marchers came from Washington, D.C.",
            "Many stayed overnight.",
        ],
    ),
    (
        "The report was drafted at the U.N. What it says remains secret.",
        &[
            "The report was drafted at the U.N.",
            "What it says remains secret.",
        ],
    ),
    (
        "The deal was signed by Paulo Reis Jr. His father had refused.",
        &[
            "The deal was signed by Paulo Reis Jr.",
            "His father had refused.",
        ],
    ),
];

/// Decimals, versions, section numbers, ordinals, money, times, dates and
/// coordinates, and numbers that end a sentence.
const NUMBERS: &[Case] = &[
    (
        "The index rose 3.14 points. Traders were surprised.",
        &["The index rose 3.14 points.", "Traders were surprised."],
    ),
    (
        "Version 2.4.1 fixes the bug. Version 2.5 adds maps.",
        &["Version 2.4.1 fixes the bug.", "Version 2.5 adds maps."],
    ),
    (
        "Section 4.2 of the charter applies here. Section 5.1 does not.",
        &[
            "Section 4.2 of the charter applies here.",
            "Section 5.1 does not.",
        ],
    ),
    (
        "The fund lost $1.25 billion, or 12.5%, in the quarter.",
        &["The fund lost $1.25 billion, or 12.5%, in the quarter."],
    ),
    (
        "Turnout was 61.7 percent. That is a record.",
        &["Turnout was 61.7 percent.", "That is a record."],
    ),
    (
        "The ferry left at 10.45 and docked at 12.30. Nobody was hurt.",
        &[
            "The ferry left at 10.45 and docked at 12.30.",
            "Nobody was hurt.",
        ],
    ),
    (
        "The hearing was held on 12.03.2031 in the town hall.",
        &["The hearing was held on 12.03.2031 in the town hall."],
    ),
    (
        "The buoy was found at 40.7128° N, 74.0060° W. It had drifted overnight.",
        &[
            "The buoy was found at 40.7128° N, 74.0060° W.",
            "It had drifted overnight.",
        ],
    ),
    (
        "Exports fell in 2029. 2030 was worse.",
        &["Exports fell in 2029.", "2030 was worse."],
    ),
    (
        "The strike ended on day 12. Workers returned the next morning.",
        &[
            "The strike ended on day 12.",
            "Workers returned the next morning.",
        ],
    ),
    (
        "He finished No. 3 in the standings. His rival placed No. 7.",
        &[
            "He finished No. 3 in the standings.",
            "His rival placed No. 7.",
        ],
    ),
    (
        "The rate fell to .75 percent last year.",
        &["The rate fell to .75 percent last year."],
    ),
    (
        "Temperatures hit -3.5 °C overnight. Roads froze.",
        &["Temperatures hit -3.5 °C overnight.", "Roads froze."],
    ),
    (
        "Ward 9 reopened. Ward 10 stays closed.",
        &["Ward 9 reopened.", "Ward 10 stays closed."],
    ),
    (
        "The loan carries a 4.25% rate and matures in 2035.",
        &["The loan carries a 4.25% rate and matures in 2035."],
    ),
    (
        "Chapter 11 describes the merger (see p. 112). The appendix lists the banks.",
        &[
            "Chapter 11 describes the merger (see p. 112).",
            "The appendix lists the banks.",
        ],
    ),
    (
        "The motion passed 52-48. A recount was refused.",
        &["The motion passed 52-48.", "A recount was refused."],
    ),
    (
        "About 2,400 people attended. Most were farmers.",
        &["About 2,400 people attended.", "Most were farmers."],
    ),
    (
        "Diesel cost €3.50 a litre, up from €2.90 in spring.",
        &["Diesel cost €3.50 a litre, up from €2.90 in spring."],
    ),
    (
        "The judges gave her 9.5. The crowd cheered.",
        &["The judges gave her 9.5.", "The crowd cheered."],
    ),
    (
        "The decline is clearest in Fig. 4 of the annex.",
        &["The decline is clearest in Fig. 4 of the annex."],
    ),
    (
        "Art. 12 was amended in Ch. 3 of the bill.",
        &["Art. 12 was amended in Ch. 3 of the bill."],
    ),
    (
        "The tower was finished c. 1850 and restored in 1990.",
        &["The tower was finished c. 1850 and restored in 1990."],
    ),
    (
        "The lock opens at 6:30 a.m. and closes at 9:15 p.m. daily.",
        &["The lock opens at 6:30 a.m. and closes at 9:15 p.m. daily."],
    ),
];

/// E-mail addresses, web addresses and file names.
const ADDRESSES: &[Case] = &[
    (
        "Details are posted at www.harbourwatch.example/notices. Check there daily.",
        &[
            "Details are posted at www.harbourwatch.example/notices.",
            "Check there daily.",
        ],
    ),
    (
        "Send tips to news.desk@valmere-post.example or call the newsroom.",
        &["Send tips to news.desk@valmere-post.example or call the newsroom."],
    ),
    (
        "The memo was saved as budget_final.v2.pdf on the shared drive.",
        &["The memo was saved as budget_final.v2.pdf on the shared drive."],
    ),
    (
        "Download report.pdf. Then read the annex.",
        &["Download report.pdf.", "Then read the annex."],
    ),
    (
        "The form is at https://portal.example.org/forms?id=42&lang=en for now.",
        &["The form is at https://portal.example.org/forms?id=42&lang=en for now."],
    ),
    (
        "Is the page at example.net/faq? It was down this morning.",
        &[
            "Is the page at example.net/faq?",
            "It was down this morning.",
        ],
    ),
    (
        "Write to ana.ruiz@mail.example.org. She answers within a day.",
        &[
            "Write to ana.ruiz@mail.example.org.",
            "She answers within a day.",
        ],
    ),
    (
        "The file data.2031.csv holds the raw counts.",
        &["The file data.2031.csv holds the raw counts."],
    ),
    (
        "Visit valmere.example.com. The archive is free.",
        &["Visit valmere.example.com.", "The archive is free."],
    ),
    (
        "Log files such as server.log and error.log.1 were deleted.",
        &["Log files such as server.log and error.log.1 were deleted."],
    ),
    (
        "The script, called sync.sh, ran every hour.",
        &["The script, called sync.sh, ran every hour."],
    ),
    (
        "The link http://archive.example/2031/03/story.html?ref=home#top still works.",
        &["The link http://archive.example/2031/03/story.html?ref=home#top still works."],
    ),
    (
        "Contact press@grid-authority.example. No phone line is staffed.",
        &[
            "Contact press@grid-authority.example.",
            "No phone line is staffed.",
        ],
    ),
    (
        "Email j.okafor@ministry.example if you have questions.",
        &["Email j.okafor@ministry.example if you have questions."],
    ),
];

/// Closing quotes and brackets, quotations inside a sentence, parentheticals.
const QUOTES_AND_BRACKETS: &[Case] = &[
    (
        "\"We will rebuild the pier,\" the mayor said. \"Work starts Monday.\"",
        &[
            "\"We will rebuild the pier,\" the mayor said.",
            "\"Work starts Monday.\"",
        ],
    ),
    (
        "\"Is the water safe?\" she asked. Officials did not answer.",
        &[
            "\"Is the water safe?\" she asked.",
            "Officials did not answer.",
        ],
    ),
    (
        "He told reporters: \"The fence was cut.\" Police confirmed it later.",
        &[
            "He told reporters: \"The fence was cut.\"",
            "Police confirmed it later.",
        ],
    ),
    (
        "Costs doubled (see the annex.) The board resigned.",
        &["Costs doubled (see the annex.)", "The board resigned."],
    ),
    (
        "The firm (founded by Dr. Ilse Varga in 1990) went bankrupt.",
        &["The firm (founded by Dr. Ilse Varga in 1990) went bankrupt."],
    ),
    (
        "\"Why now?\" Dr. Hale asked. Nobody replied.",
        &["\"Why now?\" Dr. Hale asked.", "Nobody replied."],
    ),
    (
        "\"Stop!\" Mara shouted. The crowd froze.",
        &["\"Stop!\" Mara shouted.", "The crowd froze."],
    ),
    (
        "'It is finished,' she wrote. 'We go home now.'",
        &["'It is finished,' she wrote.", "'We go home now.'"],
    ),
    (
        "The minister called the plan \"a disgrace.\" The opposition agreed.",
        &[
            "The minister called the plan \"a disgrace.\"",
            "The opposition agreed.",
        ],
    ),
    (
        "(The figures were later revised.) The ministry did not explain why.",
        &[
            "(The figures were later revised.)",
            "The ministry did not explain why.",
        ],
    ),
    (
        "Revenue fell. (See Table 2.) Costs rose.",
        &["Revenue fell.", "(See Table 2.)", "Costs rose."],
    ),
    (
        "\"Are you sure?\" \"Yes.\"",
        &["\"Are you sure?\"", "\"Yes.\""],
    ),
    (
        "He asked whether the dam was safe (it was not) and left.",
        &["He asked whether the dam was safe (it was not) and left."],
    ),
    (
        "The agency [which declined to be named] issued a statement.",
        &["The agency [which declined to be named] issued a statement."],
    ),
    (
        "The figure was disputed.[3] Later reports confirmed it.",
        &["The figure was disputed.[3]", "Later reports confirmed it."],
    ),
    (
        "The banner read \"No more delays!\" and hung for a week.",
        &["The banner read \"No more delays!\" and hung for a week."],
    ),
    (
        "\"We are not leaving,\" said one resident. \"Not today, not ever.\"",
        &[
            "\"We are not leaving,\" said one resident.",
            "\"Not today, not ever.\"",
        ],
    ),
    (
        "Her reply was short: \"No.\" The meeting ended.",
        &["Her reply was short: \"No.\"", "The meeting ended."],
    ),
    (
        "The letter (dated Sept. 3) was never sent.",
        &["The letter (dated Sept. 3) was never sent."],
    ),
    (
        "\"Why?\" he asked. \"Because the money ran out.\"",
        &["\"Why?\" he asked.", "\"Because the money ran out.\""],
    ),
    (
        "The group (formerly Orin Co.) said nothing.",
        &["The group (formerly Orin Co.) said nothing."],
    ),
    (
        "\"Where is the captain?\" He asked twice before anyone answered.",
        &[
            "\"Where is the captain?\"",
            "He asked twice before anyone answered.",
        ],
    ),
    (
        "\"Why?\" I asked. Nobody answered.",
        &["\"Why?\" I asked.", "Nobody answered."],
    ),
    (
        "Il a dit « Non. » Puis il est parti.",
        &["Il a dit « Non. »", "Puis il est parti."],
    ),
];

/// Repeated punctuation and every form of ellipsis.
const PUNCTUATION: &[Case] = &[
    (
        "You sold the mill?! We had no choice!!",
        &["You sold the mill?!", "We had no choice!!"],
    ),
    ("Really!? Nobody told us.", &["Really!?", "Nobody told us."]),
    (
        "Wait... the ferry is late again.",
        &["Wait... the ferry is late again."],
    ),
    (
        "We waited… and waited. Nobody came.",
        &["We waited… and waited.", "Nobody came."],
    ),
    (
        "The signal faded... Then the line went dead.",
        &["The signal faded...", "Then the line went dead."],
    ),
    (
        "The signal faded . . . then returned.",
        &["The signal faded . . . then returned."],
    ),
    (
        "The signal faded . . . Then the line went dead.",
        &["The signal faded . . .", "Then the line went dead."],
    ),
    (
        "He paused. . . . Then he spoke again.",
        &["He paused.", ". . . Then he spoke again."],
    ),
    (
        "The ruling said the harbour [...] must stay open.",
        &["The ruling said the harbour [...] must stay open."],
    ),
    (
        "The ruling said the harbour […] must stay open.",
        &["The ruling said the harbour […] must stay open."],
    ),
    (
        "It ended.... Nobody clapped.",
        &["It ended....", "Nobody clapped."],
    ),
    (
        "So what now?!? The council has no plan.",
        &["So what now?!?", "The council has no plan."],
    ),
    (
        "Help!!! The pier is flooding!!!",
        &["Help!!!", "The pier is flooding!!!"],
    ),
    (
        "\"Nothing... nothing at all,\" said the engineer.",
        &["\"Nothing... nothing at all,\" said the engineer."],
    ),
    (
        "Prices rose again‼ Shoppers protested.",
        &["Prices rose again‼", "Shoppers protested."],
    ),
    (
        "Did the ferry leave? Did anyone see it? Nobody knows!",
        &[
            "Did the ferry leave?",
            "Did anyone see it?",
            "Nobody knows!",
        ],
    ),
    (
        "The vote was... close. Very close.",
        &["The vote was... close.", "Very close."],
    ),
    (
        "They asked why?! and got no answer.",
        &["They asked why?! and got no answer."],
    ),
    (
        "Hope fades... \"We keep searching,\" the chief said.",
        &["Hope fades...", "\"We keep searching,\" the chief said."],
    ),
    (
        "The list went on [...] The rest is missing.",
        &["The list went on [...]", "The rest is missing."],
    ),
    (
        "It rose by 20%!? That cannot be right.",
        &["It rose by 20%!?", "That cannot be right."],
    ),
    (
        "The ferry… it never came. We walked.",
        &["The ferry… it never came.", "We walked."],
    ),
];

/// Numbered, lettered and bulleted lists: every item a sentence, its marker with it.
const LISTS: &[Case] = &[
    (
        "Agenda:\n1. Budget review\n2. Harbour repairs\n3. Any other business",
        &[
            "Agenda:",
            "1. Budget review",
            "2. Harbour repairs",
            "3. Any other business",
        ],
    ),
    (
        "1. Review the budget.\n2. Repair the harbour.",
        &["1. Review the budget.", "2. Repair the harbour."],
    ),
    (
        "Steps:\n1) Close the valve\n2) Drain the tank",
        &["Steps:", "1) Close the valve", "2) Drain the tank"],
    ),
    (
        "(1) Notify the port office\n(2) Log the incident",
        &["(1) Notify the port office", "(2) Log the incident"],
    ),
    (
        "a. Fishing fleets\nb. Ferry operators\nc. Cargo lines",
        &["a. Fishing fleets", "b. Ferry operators", "c. Cargo lines"],
    ),
    (
        "a) Fishing fleets\nb) Ferry operators",
        &["a) Fishing fleets", "b) Ferry operators"],
    ),
    (
        "• Power restored by 10 p.m.\n• Trams running by noon",
        &["• Power restored by 10 p.m.", "• Trams running by noon"],
    ),
    (
        "- Access: the fence was cut.\n- Timing: the outage began at night.",
        &[
            "- Access: the fence was cut.",
            "- Timing: the outage began at night.",
        ],
    ),
    (
        "* First draft\n* Final draft",
        &["* First draft", "* Final draft"],
    ),
    (
        "The options were: (a) repair the cable, (b) replace it, or (c) wait.",
        &["The options were: (a) repair the cable, (b) replace it, or (c) wait."],
    ),
    (
        "The plan has two parts. 1. Repair the pier. 2. Dredge the channel.",
        &[
            "The plan has two parts.",
            "1. Repair the pier.",
            "2. Dredge the channel.",
        ],
    ),
    (
        "i. Scope\nii. Method\niii. Findings",
        &["i. Scope", "ii. Method", "iii. Findings"],
    ),
    (
        "2.1. Background\n2.2. Sources",
        &["2.1. Background", "2.2. Sources"],
    ),
    (
        "A. Background\nB. Assessment",
        &["A. Background", "B. Assessment"],
    ),
    (
        "1.\nThe fence was cut.\n2.\nThe cameras went dark.",
        &["1.\nThe fence was cut.", "2.\nThe cameras went dark."],
    ),
    (
        "The union listed three demands:\n- higher night pay\n- a shorter week\n- safer ladders",
        &[
            "The union listed three demands:",
            "- higher night pay",
            "- a shorter week",
            "- safer ladders",
        ],
    ),
    (
        "1. The ministry expects to publish revised figures for the second\n   \
         quarter before the end of the month.\n2. No further comment.",
        &[
            "1. The ministry expects to publish revised figures for the second\n   \
             quarter before the end of the month.",
            "2. No further comment.",
        ],
    ),
    (
        "– Ferry services resume Friday\n– The bridge stays closed",
        &[
            "– Ferry services resume Friday",
            "– The bridge stays closed",
        ],
    ),
    (
        "Key dates\n1. Jan. 5: talks open\n2. Feb. 9: vote",
        &["Key dates", "1. Jan. 5: talks open", "2. Feb. 9: vote"],
    ),
    (
        "• Port: closed. • Airport: open.",
        &["• Port: closed.", "• Airport: open."],
    ),
    (
        "IV. Outlook\nThe outlook is grim.",
        &["IV. Outlook", "The outlook is grim."],
    ),
    (
        "We rate our inputs as follows:\n\n1. Satellite imagery: reliable.\n2. The leaked memo: unverified.",
        &[
            "We rate our inputs as follows:",
            "1. Satellite imagery: reliable.",
            "2. The leaked memo: unverified.",
        ],
    ),
];

/// Headings, bylines, datelines and other lines without closing punctuation.
const LAYOUT: &[Case] = &[
    (
        "Ferry Strike Ends After Three Weeks\nBy Lena Ostrowski\nPORT AMSEL, March 4\n\n\
         Crews returned to work on Monday. Services resume at noon.",
        &[
            "Ferry Strike Ends After Three Weeks",
            "By Lena Ostrowski",
            "PORT AMSEL, March 4",
            "Crews returned to work on Monday.",
            "Services resume at noon.",
        ],
    ),
    (
        "No comments:\nThe thread is empty.",
        &["No comments:", "The thread is empty."],
    ),
    (
        "Background\nThe valley has flooded twice this decade.",
        &["Background", "The valley has flooded twice this decade."],
    ),
    (
        "The committee will publish its findings in a report that\n\nnobody reads",
        &[
            "The committee will publish its findings in a report that",
            "nobody reads",
        ],
    ),
    (
        "# Summary\nThe grid failed at night.",
        &["# Summary", "The grid failed at night."],
    ),
    (
        "Updated 5 March 2031, 10:15 a.m.\nThe fire is out.",
        &["Updated 5 March 2031, 10:15 a.m.", "The fire is out."],
    ),
    (
        "By Lena Ostrowski and Pavel Dunne, Staff Reporters\n\
         VALMERE, March 4 (Harbour Wire) — Crews worked through the night to restore power.",
        &[
            "By Lena Ostrowski and Pavel Dunne, Staff Reporters",
            "VALMERE, March 4 (Harbour Wire) — Crews worked through the night to restore power.",
        ],
    ),
    (
        "CHAPTER ONE\nThe night the lights went out",
        &["CHAPTER ONE", "The night the lights went out"],
    ),
    (
        "Related coverage\nPort strike ends after three weeks",
        &["Related coverage", "Port strike ends after three weeks"],
    ),
    (
        "Photo: Harbour Wire\nCranes stand idle at the container terminal.",
        &[
            "Photo: Harbour Wire",
            "Cranes stand idle at the container terminal.",
        ],
    ),
    (
        "Editor's note: This story has been updated.\n\nThe ministry issued a correction.",
        &[
            "Editor's note: This story has been updated.",
            "The ministry issued a correction.",
        ],
    ),
    (
        "Contents\n\n1. Summary\n2. Assessment",
        &["Contents", "1. Summary", "2. Assessment"],
    ),
    (
        "Regional Council Approves Emergency Budget for Harbour Defences\n\
         The council voted on Thursday to release funds for the repair of the sea wall.",
        &[
            "Regional Council Approves Emergency Budget for Harbour Defences",
            "The council voted on Thursday to release funds for the repair of the sea wall.",
        ],
    ),
    (
        "The pier reopened.\n\n\n\nThe crowds returned.",
        &["The pier reopened.", "The crowds returned."],
    ),
    (
        "The vote passed\nTurnout was low",
        &["The vote passed", "Turnout was low"],
    ),
    (
        "Q&A with the harbour master\nWhat happened on Tuesday night?\n\
         The main feeder tripped at 3:40 a.m.",
        &[
            "Q&A with the harbour master",
            "What happened on Tuesday night?",
            "The main feeder tripped at 3:40 a.m.",
        ],
    ),
    (
        "PORT AMSEL, Tuesday — The harbour reopened at dawn.",
        &["PORT AMSEL, Tuesday — The harbour reopened at dawn."],
    ),
    (
        "Assessment\n==========\nWe judge the risk to be high.",
        &["Assessment", "==========", "We judge the risk to be high."],
    ),
    (
        "Tags: grid, harbour, sabotage\nFiled 03:12 UTC",
        &["Tags: grid, harbour, sabotage", "Filed 03:12 UTC"],
    ),
    (
        "End of page one.\u{0C}Start of page two",
        &["End of page one.", "Start of page two"],
    ),
    (
        "Sources\n- Harbour authority\n- Two officials",
        &["Sources", "- Harbour authority", "- Two officials"],
    ),
    (
        "Analyst Brief: Grid Failure and Regional Shipping Risk\n\
         Prepared by: VRC | Classification: FICTIONAL EXERCISE\n\
         Date: 19 September | Reference: VRC-AB-0412",
        &[
            "Analyst Brief: Grid Failure and Regional Shipping Risk",
            "Prepared by: VRC | Classification: FICTIONAL EXERCISE",
            "Date: 19 September | Reference: VRC-AB-0412",
        ],
    ),
    (
        "Harbour board approves dredging plan despite cost warnings\n\
         Officials said on Thursday that work on the northern channel would begin\n\
         in May and last until the end of the autumn storm season.",
        &[
            "Harbour board approves dredging plan despite cost warnings",
            "Officials said on Thursday that work on the northern channel would begin\n\
             in May and last until the end of the autumn storm season.",
        ],
    ),
];

/// Hard-wrapped paragraphs, paragraphs written one per line, both mixed, and CRLF.
const WRAPPING: &[Case] = &[
    (
        "The harbour board said on Thursday that the dredging of the northern\n\
         channel would resume in May, although its chief engineer warned that the\n\
         cost had risen sharply since the survey commissioned by Deputy Mayor\n\
         Ilse Brandvold. The fishing cooperative welcomed the decision.",
        &[
            "The harbour board said on Thursday that the dredging of the northern\n\
             channel would resume in May, although its chief engineer warned that the\n\
             cost had risen sharply since the survey commissioned by Deputy Mayor\n\
             Ilse Brandvold.",
            "The fishing cooperative welcomed the decision.",
        ],
    ),
    (
        "Residents packed the town hall on Tuesday evening to hear the findings\n\
         of the commission, which were presented by its long-serving chair, Mr.\n\
         Tobias Lindqvist, and by two engineers who had inspected the sea wall.",
        &[
            "Residents packed the town hall on Tuesday evening to hear the findings\n\
           of the commission, which were presented by its long-serving chair, Mr.\n\
           Tobias Lindqvist, and by two engineers who had inspected the sea wall.",
        ],
    ),
    (
        "The shipyard said it would deliver the first of four patrol boats to the U.S.\n\
         Navy next spring, two years later than the contract signed in 2029 required.",
        &[
            "The shipyard said it would deliver the first of four patrol boats to the U.S.\n\
           Navy next spring, two years later than the contract signed in 2029 required.",
        ],
    ),
    (
        "The cargo line said it would move most of its Atlantic routes to the U.S.\n\
         He did not say when the move would begin or how many jobs would go.",
        &[
            "The cargo line said it would move most of its Atlantic routes to the U.S.",
            "He did not say when the move would begin or how many jobs would go.",
        ],
    ),
    (
        "The engineer paused for a long time before answering the question...\n\
         then he read out a statement that blamed the storm for the outage.",
        &[
            "The engineer paused for a long time before answering the question...\n\
           then he read out a statement that blamed the storm for the outage.",
        ],
    ),
    (
        "The inquiry will be led by a retired judge appointed by Interior Minister\n\
         Selma Vukovic, who said the panel would report to parliament in 30 days.",
        &[
            "The inquiry will be led by a retired judge appointed by Interior Minister\n\
           Selma Vukovic, who said the panel would report to parliament in 30 days.",
        ],
    ),
    (
        "Rescue crews reached the stranded ferry shortly after\n\
         midnight and brought all 212 passengers ashore by dawn. The\n\
         captain, who had radioed for help at 9:40 p.m., was the last\n\
         to leave the vessel.",
        &[
            "Rescue crews reached the stranded ferry shortly after\n\
             midnight and brought all 212 passengers ashore by dawn.",
            "The\n\
             captain, who had radioed for help at 9:40 p.m., was the last\n\
             to leave the vessel.",
        ],
    ),
    (
        "Analysts at the regional observatory counted 43 vessels waiting outside the\n\
         breakwater on Wednesday, almost four times the daily average, and warned that\n\
         insurers would probably raise premiums for ships calling at the port before the\n\
         end of the month.",
        &[
            "Analysts at the regional observatory counted 43 vessels waiting outside the\n\
           breakwater on Wednesday, almost four times the daily average, and warned that\n\
           insurers would probably raise premiums for ships calling at the port before the\n\
           end of the month.",
        ],
    ),
    (
        "“We expected a long night, but nobody expected nineteen hours without\n\
         power,” said Oriane Sadowski, who runs a bakery near the container\n\
         terminal. “We lost everything in the freezers.”",
        &[
            "“We expected a long night, but nobody expected nineteen hours without\n\
             power,” said Oriane Sadowski, who runs a bakery near the container\n\
             terminal.",
            "“We lost everything in the freezers.”",
        ],
    ),
    (
        "A power failure that began at 3:40 a.m. on Tuesday plunged the harbour district into darkness for nearly 19 hours, halting cranes at the No. 4 container terminal. The outage is believed to be the longest in the city's history.\n\
         Officials speaking on condition of anonymity said investigators had found signs of tampering at the substation, which feeds most of the district. Neither account could be verified.",
        &[
            "A power failure that began at 3:40 a.m. on Tuesday plunged the harbour district into darkness for nearly 19 hours, halting cranes at the No. 4 container terminal.",
            "The outage is believed to be the longest in the city's history.",
            "Officials speaking on condition of anonymity said investigators had found signs of tampering at the substation, which feeds most of the district.",
            "Neither account could be verified.",
        ],
    ),
    (
        "The contract went to Harwell Shipping Inc.\n\
         Harwell's shares rose 4% on Monday, their biggest gain in two years, after three banks raised their forecasts for the coming quarter.",
        &[
            "The contract went to Harwell Shipping Inc.",
            "Harwell's shares rose 4% on Monday, their biggest gain in two years, after three banks raised their forecasts for the coming quarter.",
        ],
    ),
    (
        "The port authority opened the tender in January and received eleven bids from shipping firms across the region, more than it had expected.\n\
         The tender was won by Orvane Holdings Ltd.\n\
         Kessler Marine, the losing bidder, said it would appeal.\n\
         The appeal will be heard in the spring by a panel of three judges, and the port authority said work would not begin until it had been decided.",
        &[
            "The port authority opened the tender in January and received eleven bids from shipping firms across the region, more than it had expected.",
            "The tender was won by Orvane Holdings Ltd.",
            "Kessler Marine, the losing bidder, said it would appeal.",
            "The appeal will be heard in the spring by a panel of three judges, and the port authority said work would not begin until it had been decided.",
        ],
    ),
    (
        "Shipping through the strait resumed on Friday after a week in which\n\
         insurers had refused to cover any vessel heading north.\n\
         \n\
         The ministry of transport said on Saturday that it would compensate the ferry operators for the week of lost sailings, without saying how much it would pay.",
        &[
            "Shipping through the strait resumed on Friday after a week in which\n\
             insurers had refused to cover any vessel heading north.",
            "The ministry of transport said on Saturday that it would compensate the ferry operators for the week of lost sailings, without saying how much it would pay.",
        ],
    ),
    (
        "Residents packed the town hall on Tuesday evening to hear the findings\r\n\
         of the commission, which were presented by its long-serving chair, Mr.\r\n\
         Tobias Lindqvist, and by two engineers who had inspected the sea wall.\r\n",
        &[
            "Residents packed the town hall on Tuesday evening to hear the findings\r\n\
           of the commission, which were presented by its long-serving chair, Mr.\r\n\
           Tobias Lindqvist, and by two engineers who had inspected the sea wall.",
        ],
    ),
    (
        "Port Reopens After Blackout\r\nBy Ana Ruiz\r\n\r\nCranes moved again on Wednesday. Ships queued.\r\n",
        &[
            "Port Reopens After Blackout",
            "By Ana Ruiz",
            "Cranes moved again on Wednesday.",
            "Ships queued.",
        ],
    ),
    ("Old Mac\rline ends", &["Old Mac", "line ends"]),
    (
        "The authority has warned for years that the substation lacked a backup\n\
         feed and ran close to its limit during the summer peaks.\n\
         Questions over earlier warnings\n\
         Two people familiar with the matter said the ministry had been told.",
        &[
            "The authority has warned for years that the substation lacked a backup\n\
             feed and ran close to its limit during the summer peaks.",
            "Questions over earlier warnings",
            "Two people familiar with the matter said the ministry had been told.",
        ],
    ),
    (
        "- The ministry expects to publish the revised figures for the second\n  \
         quarter before the end of the month.\n\
         - Nothing else was announced.",
        &[
            "- The ministry expects to publish the revised figures for the second\n  \
             quarter before the end of the month.",
            "- Nothing else was announced.",
        ],
    ),
    (
        "The ferry left at dawn.\u{2028}It arrived at noon.",
        &["The ferry left at dawn.", "It arrived at noon."],
    ),
    (
        "The governor's office released the figures late on Friday, hours after\n\
         the deadline set by the court. Lawyers for the fishermen said they would\n\
         ask for sanctions.\n\
         \n\
         The court will hear the motion on Monday.",
        &[
            "The governor's office released the figures late on Friday, hours after\n\
             the deadline set by the court.",
            "Lawyers for the fishermen said they would\n\
             ask for sanctions.",
            "The court will hear the motion on Monday.",
        ],
    ),
    (
        "Interior Minister Dr. Amara Okonkwo said at a news conference on Tuesday that the government had not ruled out deliberate interference with the grid.\n\
         Witnesses\n\
         Several residents near the substation said they heard two loud bangs shortly before the lights went out across the district.",
        &[
            "Interior Minister Dr. Amara Okonkwo said at a news conference on Tuesday that the government had not ruled out deliberate interference with the grid.",
            "Witnesses",
            "Several residents near the substation said they heard two loud bangs shortly before the lights went out across the district.",
        ],
    ),
    (
        "The council expects the harbour wall to be repaired by the end of the\n\
         year, according to a statement released by its press office on Friday\n\
         evening. Work on the northern pier will follow in the spring of 2032.",
        &[
            "The council expects the harbour wall to be repaired by the end of the\n\
             year, according to a statement released by its press office on Friday\n\
             evening.",
            "Work on the northern pier will follow in the spring of 2032.",
        ],
    ),
];

/// Sentence punctuation of other scripts.
const SCRIPTS: &[Case] = &[
    (
        "今天下雨。明天会晴吗？会的！",
        &["今天下雨。", "明天会晴吗？", "会的！"],
    ),
    (
        "هل انقطعت الكهرباء؟ نعم، لساعات طويلة.",
        &["هل انقطعت الكهرباء؟", "نعم، لساعات طويلة."],
    ),
    (
        "बिजली चली गई। लोग परेशान हैं।",
        &["बिजली चली गई।", "लोग परेशान हैं।"],
    ),
    (
        "کیا بندرگاہ کھلی ہے؟ ابھی نہیں۔",
        &["کیا بندرگاہ کھلی ہے؟", "ابھی نہیں۔"],
    ),
    (
        "Η γέφυρα έκλεισε. Οι αρχές ερευνούν.",
        &["Η γέφυρα έκλεισε.", "Οι αρχές ερευνούν."],
    ),
    (
        "Мост закрыт. Власти проверяют.",
        &["Мост закрыт.", "Власти проверяют."],
    ),
    (
        "El puerto cerró. ¿Quién pagará? ¡Nadie lo sabe!",
        &["El puerto cerró.", "¿Quién pagará?", "¡Nadie lo sabe!"],
    ),
    (
        "Der Hafen ist zu. Die Behörden prüfen.",
        &["Der Hafen ist zu.", "Die Behörden prüfen."],
    ),
    (
        "「本当ですか？」と記者は尋ねた。",
        &["「本当ですか？」と記者は尋ねた。"],
    ),
    ("ሰላም ነው። ወደ ቤት ሄደ።", &["ሰላም ነው።", "ወደ ቤት ሄደ።"]),
    ("今日は雨。明日は晴れ。", &["今日は雨。", "明日は晴れ。"]),
    (
        "港口关闭了。“为什么？”没有人回答。",
        &["港口关闭了。", "“为什么？”", "没有人回答。"],
    ),
    (
        "Le port est fermé. Vraiment ? Oui, depuis lundi.",
        &["Le port est fermé.", "Vraiment ?", "Oui, depuis lundi."],
    ),
    (
        "क्या बंदरगाह खुला है? अभी नहीं।",
        &["क्या बंदरगाह खुला है?", "अभी नहीं।"],
    ),
];

/// Curly quotes and dashes, handled like straight quotes and hyphens.
const CURLY_AND_DASHES: &[Case] = &[
    (
        "“We are treating every possibility seriously,” she said. “But I will not guess.”",
        &[
            "“We are treating every possibility seriously,” she said.",
            "“But I will not guess.”",
        ],
    ),
    (
        "‘It is over,’ he wrote. ‘We lost.’",
        &["‘It is over,’ he wrote.", "‘We lost.’"],
    ),
    (
        "The pier — closed since Jan. 3 — reopens today.",
        &["The pier — closed since Jan. 3 — reopens today."],
    ),
    (
        "Output fell – sharply – in Oct. The plant shut.",
        &["Output fell – sharply – in Oct.", "The plant shut."],
    ),
    (
        "“Is it safe?” she asked. “Yes,” he said.",
        &["“Is it safe?” she asked.", "“Yes,” he said."],
    ),
    (
        "He called it “a failure.” Nobody argued.",
        &["He called it “a failure.”", "Nobody argued."],
    ),
    (
        "Crews worked overnight—and failed. The cable held.",
        &["Crews worked overnight—and failed.", "The cable held."],
    ),
    (
        "“Who pays?” The question hung in the air.",
        &["“Who pays?”", "The question hung in the air."],
    ),
    (
        "The sign said “Closed.” — and it was.",
        &["The sign said “Closed.” — and it was."],
    ),
    (
        "“Stop!” — the guard’s shout echoed.",
        &["“Stop!” — the guard’s shout echoed."],
    ),
    (
        "The agency’s report — dated Sept. 2 — was leaked. Its authors were not named.",
        &[
            "The agency’s report — dated Sept. 2 — was leaked.",
            "Its authors were not named.",
        ],
    ),
    (
        "„Wir bleiben“, sagte sie. Dann ging sie.",
        &["„Wir bleiben“, sagte sie.", "Dann ging sie."],
    ),
    (
        "“Why?” Mr. Osei asked. “Because we were told.”",
        &["“Why?” Mr. Osei asked.", "“Because we were told.”"],
    ),
    (
        "Mr. Osei added: “If someone went through that fence, they knew what they wanted.”",
        &["Mr. Osei added: “If someone went through that fence, they knew what they wanted.”"],
    ),
    (
        "The workers’ union met. The owners’ group did not.",
        &["The workers’ union met.", "The owners’ group did not."],
    ),
];

/// Ordinary prose and the edges of the text.
const PLAIN: &[Case] = &[
    (
        "The ferry left at dawn. Did anyone see it? Nobody did!",
        &[
            "The ferry left at dawn.",
            "Did anyone see it?",
            "Nobody did!",
        ],
    ),
    (
        "  The vote passed. Turnout was low  ",
        &["The vote passed.", "Turnout was low"],
    ),
    ("", &[]),
    (" \n\t\r\n ", &[]),
    (
        "One sentence without a stop",
        &["One sentence without a stop"],
    ),
    (
        "The tide turned. The boats went out. The harbour emptied.",
        &[
            "The tide turned.",
            "The boats went out.",
            "The harbour emptied.",
        ],
    ),
    (
        "Officials declined to comment; a spokesperson said only that the review continues.",
        &["Officials declined to comment; a spokesperson said only that the review continues."],
    ),
];
