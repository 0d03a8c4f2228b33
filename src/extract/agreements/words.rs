//! The word lists of the agreement rules. Each is a general fact about news English, not a
//! fit to any one article.

use crate::extract::lexicon::WordSet;

/// Organisations that can be parties, with the short name the contract uses.
#[rustfmt::skip]
pub(super) const ORGANISATIONS: &[(&str, &str)] = &[
    ("European Union", "EU"), ("EU", "EU"), ("European Commission", "EU"),
    ("African Union", "AU"), ("AU", "AU"), ("ASEAN", "ASEAN"),
    ("Association of Southeast Asian Nations", "ASEAN"), ("ECOWAS", "ECOWAS"),
    ("Economic Community of West African States", "ECOWAS"), ("SADC", "SADC"),
    ("East African Community", "EAC"), ("Gulf Cooperation Council", "GCC"), ("GCC", "GCC"),
    ("Mercosur", "Mercosur"), ("MERCOSUR", "Mercosur"), ("United Nations", "UN"), ("NATO", "NATO"),
    ("European Free Trade Association", "EFTA"), ("EFTA", "EFTA"), ("CARICOM", "CARICOM"),
    ("Caribbean Community", "CARICOM"), ("Eurasian Economic Union", "EAEU"), ("EAEU", "EAEU"),
    ("Shanghai Cooperation Organisation", "SCO"), ("Shanghai Cooperation Organization", "SCO"),
    ("Organisation of Eastern Caribbean States", "OECS"), ("OECS", "OECS"),
    ("Central American Integration System", "SICA"), ("SICA", "SICA"),
    ("Andean Community", "CAN"), ("Pacific Alliance", "Pacific Alliance"),
    ("Pacific Islands Forum", "PIF"), ("IGAD", "IGAD"),
    ("COMESA", "COMESA"), ("ECCAS", "ECCAS"), ("CEMAC", "CEMAC"), ("WAEMU", "WAEMU"),
    ("UEMOA", "WAEMU"), ("Arab League", "Arab League"), ("League of Arab States", "Arab League"),
    ("Organisation of Islamic Cooperation", "OIC"), ("Organization of Islamic Cooperation", "OIC"),
    ("Commonwealth of Independent States", "CIS"), ("OSCE", "OSCE"), ("Council of Europe", "CoE"),
    ("CELAC", "CELAC"), ("Community of Latin American and Caribbean States", "CELAC"),
];

/// Words after which a country is a place, an origin, a destination or a subject rather than
/// a party: "signed in Belgium", "imports from China", "talks on Ukraine".
#[rustfmt::skip]
pub(super) static CONTEXT_PREPOSITIONS: WordSet = WordSet::new(&[
    "in", "into", "from", "to", "on", "about", "over", "against", "across", "throughout",
    "towards", "toward", "via", "than", "like", "near", "beyond", "within", "outside", "amid",
    "among", "amongst", "for", "at", "around", "under", "including", "unlike", "discuss",
    "discussed", "discussing", "discusses", "regarding", "concerning", "reviewed", "addressed",
    "besides", "except", "off",
]);

/// Nouns for a government or its people: a country adjective or possessive in front of one
/// names a party ("the Brazilian side", "Namibia's Energy Minister").
#[rustfmt::skip]
pub(super) static GOVERNMENT_NOUNS: WordSet = WordSet::new(&[
    "minister", "ministers", "ministry", "ministries", "president", "presidents", "prime",
    "premier", "government", "governments", "official", "officials", "delegation",
    "delegations", "side", "sides", "counterpart", "counterparts", "authorities", "embassy",
    "ambassador", "envoy", "leader", "leaders", "team", "negotiator", "negotiators",
    "secretary", "chancellor", "king", "queen", "emir", "crown", "prince", "sultan", "state",
    "administration", "department", "cabinet", "head", "representative", "representatives",
    "diplomat", "diplomats", "commissioner", "deputy", "vice", "spokesperson", "spokesman",
    "spokeswoman", "parliament", "foreign", "council", "agency", "authority", "mission",
    "consul", "junta", "military", "army", "navy", "forces", "counterparts",
]);

/// Words that, a few words before "with", make what follows it a party: "signed … with",
/// "talks with", "his counterpart with". "The border with Rwanda" is not.
#[rustfmt::skip]
pub(super) static ENGAGE_WORDS: WordSet = WordSet::new(&[
    "sign", "signature", "signed",
 "signs", "signing", "inked", "penned", "ink", "inks", "agreed", "agree", "agrees",
    "talks", "talk", "met", "meet", "meets", "meeting", "meetings", "counterpart", "counterparts",
    "cooperation", "partnership", "partnerships", "negotiations", "negotiating", "negotiate",
    "dialogue", "discussed", "discuss", "discussions", "deal", "deals", "agreement",
    "agreements", "accord", "accords", "memorandum", "memoranda", "memorandums", "mou", "mous",
    "pact", "treaty", "declaration", "framework", "frameworks", "protocol", "call",
    "consultations", "conversation", "concluded", "exchanged", "held", "holds", "hold",
    "relations", "ties", "cooperate", "collaborate", "collaboration", "letter", "letters",
    "documents", "roadmap", "statement", "work", "working", "partner", "partners", "entered",
    "committee", "committees", "commission", "breakfast", "lunch", "dinner",
]);

#[rustfmt::skip]
pub(super) const OFFICIALS: &[&str] = &[
    "official", "minister", "president", "delegation", "leader", "counterpart", "envoy",
    "ambassador", "prime", "premier", "secretary", "government", "king", "emir", "chancellor",
    "intergovernmental", "ministerial", "binational", "authorities", "diplomat", "negotiator",
];

#[rustfmt::skip]
pub(super) const PAIR_WORDS: &[&str] = &[
    "the two countries", "both countries", "the two sides", "both sides", "the two nations",
    "both nations", "the two governments", "both governments", "the two leaders",
    "both leaders", "the two ministers", "both ministers", "the two states", "both states",
    "the two prime ministers", "both prime ministers", "the two foreign ministers",
    "both foreign ministers", "the two premiers",
    "bilateral", "the two presidents", "the two heads of state", "both parties",
    "the two parties", "our two countries", "our two nations", "each other",
    "the two delegations", "both delegations", "the two secretaries", "the two officials",
    "the two prime ministers", "the two foreign ministers", "the countries'", "the two", "both",
    "his counterpart", "her counterpart", "his guest", "her guest", "his host", "her host",
    "their governments", "their countries", "their two countries", "the governments",
    "the sides",

];

#[rustfmt::skip]
pub(super) const GROUP_WORDS: &[&str] = &[
    "the partners", " partners ", "the members", "member states",

    "the delegations", "all three", "the three countries", "the four countries",
    "the participants", "the signatories", "trilateral", "the three of us", "the four of us",
    "the five of us", "all four", "all five", "the five countries", "tripartite",
    "the three nations", "the three sides", "the three states", "the three leaders",
    "the three ministers", "the four nations", "the five nations",
    "those nations", "those countries", "these nations", "these countries",
];

/// Plural officials without a number: a pair or a group, whichever the story reported.
pub(super) const PLURAL_OFFICIALS: &[&str] = &[
    "the heads of state",
    "the leaders",
    "the presidents",
    "the ministers",
];

/// The days of the week, in lowercase: "signed on Tuesday" says when, not who or what.
pub(super) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
