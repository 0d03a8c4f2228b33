//! Word lists the extraction rules share. Each list is a general fact about news English,
//! not a fit to any one article.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A word list with fast membership: the rules ask about every token, and a linear scan of a
/// few hundred words per question dominated extraction time. The words are short, so Fx
/// hashing (a multiply per eight bytes) beats both a scan and a search by halves.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// A set of these words (built on first use).
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }

    /// The words, in their listed order.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Nouns that head a person's title.
#[rustfmt::skip]
pub static ROLE_NOUNS: WordSet = WordSet::new(&[
    "minister", "president", "premier", "ambassador", "envoy", "commissioner", "secretary",
    "secretary-general", "chancellor", "governor", "king", "queen", "emir", "sultan", "prince",
    "ceo", "chair", "chairman", "chairwoman", "chairperson", "director", "director-general",
    "spokesperson", "spokesman", "spokeswoman", "mayor", "senator", "fellow", "executive",
    "representative", "adviser", "advisor", "administrator", "undersecretary",
    "under-secretary", "vice-president", "head", "analyst", "economist", "researcher",
    "scientist", "consultant", "professor", "expert", "lecturer", "strategist", "counterpart", "officer",
    "colleague", "emperor", "empress", "leader", "undersecretary-general", "under-secretary-general",
    "assistant-secretary-general", "chief", "speaker", "negotiator", "councillor", "councilor",
    "vice-chancellor", "fm", "chargé", "charge", "diplomat", "campaigner", "activist", "lawmaker",
    "legislator", "mp", "pm", "cs", "politician", "commandant", "commander", "founder", "justice",
    "judge", "consul", "consul-general", "delegate", "general", "attorney-general",
]);

/// Words that can stand in a title before its head noun, in lowercase text
/// ("deputy energy minister").
#[rustfmt::skip]
pub static ROLE_MODIFIERS: WordSet = WordSet::new(&[
    "deputy", "vice", "prime", "chief", "senior", "junior", "state", "acting", "assistant",
    "permanent", "cabinet", "principal", "special", "first", "trade", "foreign", "central", "executive", "ministry", "high", "european", "african", "general", "attorney",
    "political", "lead", "bank", "under", "crown",
]);

/// Portfolio words: the subject areas of ministries. Used to tell a title's words from a
/// name's ("Minister of Energy Transition Nadia Benkirane").
#[rustfmt::skip]
pub static PORTFOLIO_WORDS: WordSet = WordSet::new(&[
    "affairs", "agriculture", "budget", "bridges", "climate", "commerce", "communications",
    "cooperation", "culture", "defence", "defense", "development", "diaspora", "digital",
    "economic", "economy", "education", "electricity", "electronics", "energy", "environment",
    "external", "finance", "fisheries", "food", "foreign", "forest", "forests", "gas", "health",
    "home", "housing", "hydraulics", "hydrocarbons", "industrial", "industry", "information",
    "infrastructure", "innovation", "interior", "international", "investment", "irrigation",
    "justice", "labour", "labor", "land", "maritime", "mineral", "minerals", "mines", "mining",
    "national", "natural", "new", "oil", "partnerships", "petroleum", "planning", "power",
    "public", "research", "resources", "roads", "science", "security", "sports", "technology",
    "technologies", "tourism", "trade", "transition", "transport", "treasury", "water", "women",
    "works", "youth", "state", "strategy", "planning", "social", "welfare", "urban", "rural",
    "fisheries", "ocean", "oceans", "blue", "textile", "textiles", "investment", "integration",
    "regional", "relations", "emergency", "solidarity", "disaster", "management", "relief",
    "ecology", "police", "correctional", "services", "investments", "governance", "logistics",
    "monetary", "fiscal", "aviation", "telecommunications", "heritage", "lands", "borders",
    "immigration", "citizenship", "equality", "geology", "negotiations", "fta", "treasury", "planning", "statistics",
    "religious", "veterans", "employment", "action", "sovereignty", "negotiation", "non-proliferation",
    "disarmament", "coordination", "competitiveness", "transformation", "mobility", "arts", "sport",
    "export", "exports", "consumer", "protection", "parliamentary", "coal", "steel", "chemicals",
    "fertilisers", "fertilizers", "ports", "shipping", "railways", "media", "family", "children",
    "growth", "environmental", "nuclear", "space", "defense", "intelligence", "homeland", "insular",
    "legal", "multilateral", "bilateral", "economics", "industries", "heavy", "affairs",
    "construction", "commission", "council", "committee", "union", "board", "authority",
    "cabinet", "presidency", "federation", "secretariat", "policy", "equality", "reform",
    "change", "business", "rights", "human", "livestock", "wildlife", "sanitation", "aid", "humanitarian", "stability", "diplomacy",
]);

/// Words that are never part of a person's name.
#[rustfmt::skip]
pub static NOT_NAME_WORDS: WordSet = WordSet::new(&[
    "the", "a", "an", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "he", "she",
    "they", "it", "we", "i", "his", "her", "their", "its", "our", "on", "in", "at", "and",
    "government", "ministry", "parliament", "president", "minister", "officials", "state",
    "republic", "kingdom", "union", "bank", "company", "group", "reuters", "afp", "ap",
    "extraordinary", "plenipotentiary", "d'affaires", "d’affaires",
    // Words that open a sentence before a name: "As Shavkat Mirziyoyev noted", "Replacing
    // Kasymaliev, the president appointed …".
    "as", "after", "before", "while", "when", "since", "although", "though", "despite", "if",
    "upon", "during", "meanwhile", "besides", "among", "amid", "unlike", "with", "for", "from",
    "under", "by", "replacing", "following", "welcoming", "congratulating", "thanking",
]);

/// Honorifics and ranks dropped from the front of names.
#[rustfmt::skip]
pub static HONORIFICS: WordSet = WordSet::new(&[
    "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "General", "Gen.",
    "Lieutenant", "Colonel", "Major", "Brigadier", "Admiral", "Marshal", "Professor", "Prof.",
    "Datuk", "Gen", "Lt", "Col", "Maj", "Brig", "Adm", "Hon", "Hon.", "Rt", "Engr", "Dato", "Dato'", "Seri", "Sheikh", "Sheikha", "Madam", "H.E.",
    "Eng", "Eng.", "Engr.", "Lic", "Lic.", "Ing", "Ing.", "HE", "HH", "HM", "HRH", "Shaikh", "Shaikha", "Sayyid", "Sayyida",
    "Mme", "Mallam", "Alhaji", "Alh.", "Hajia", "Hajiya", "Amb", "Amb.", "Sen", "Sen.", "Rep", "Rep.", "Excellency", "Highness", "Majesty", "Royal", "Prof",
    "Justice", "Tun", "Datin", "Utama", "Haji", "Hajah", "Paduka", "Dato’", "Honorable",
    "Honourable", "Hon'ble", "Engineer",
]);

/// Lowercase particles inside names ("Maria da Conceição", "Ludwig van Beethoven").
#[rustfmt::skip]
pub static NAME_PARTICLES: WordSet = WordSet::new(&[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den",
    "bin", "binti", "bint", "ibn", "la", "le", "el", "al", "y", "e", "zu", "ter", "af",
]);

/// Nouns for companies: a country adjective in front of one names a company's origin, not a
/// government ("Australian miner", "US automaker").
#[rustfmt::skip]
pub static COMPANY_NOUNS: WordSet = WordSet::new(&[
    "company", "companies", "firm", "firms", "group", "miner", "miners", "automaker",
    "automakers", "carmaker", "maker", "makers", "producer", "producers", "manufacturer",
    "manufacturers", "bank", "banks", "lender", "investor", "investors", "consortium",
    "conglomerate", "conglomerates", "businessmen", "developer", "operator", "carrier", "airline", "exporter", "exporters",
    "importer", "importers", "trader", "traders", "giant", "startup", "start-up", "utility",
    "refiner", "supplier", "suppliers", "buyer", "buyers", "house", "multinational", "fund",
    "shipping", "explorer", "explorers", "contractor", "contractors", "refinery", "shipper", "corporation", "corp", "inc", "ltd", "plc", "sa", "ag", "gmbh", "railway", "railways",
    "utilities", "telecom", "brokerage", "insurer", "major", "majors",
]);

/// Words that make a capitalised phrase an organisation, a place or a thing, never a person
/// ("Mehr News Agency", "Cove Capital", "the Ambedkar Chair").
#[rustfmt::skip]
pub static ORGANISATION_WORDS: WordSet = WordSet::new(&[
    "agency", "news", "ministry", "department", "bank", "office", "council", "commission",
    "committee", "authority", "group", "company", "corporation", "association", "institute",
    "university", "forum", "times", "post", "press", "daily", "service", "union", "organization",
    "organisation", "fund", "capital", "partners", "holdings", "mining", "minerals", "resources",
    "energy", "oil", "gas", "government", "state", "house", "palace", "center", "centre",
    "foundation", "media", "television", "radio", "tv", "network", "reuters", "xinhua", "overseas",
    "abroad", "diaspora",
    "bloomberg", "street", "avenue", "city", "province", "region", "republic", "kingdom",
    "national", "international", "federal", "party", "parliament", "assembly", "congress",
    "senate", "court", "police", "army", "navy", "force", "forces", "airlines", "airways",
    "limited", "ltd", "inc", "plc", "llc", "corp", "co", "sa", "ag", "summit", "conference",
    "week", "day", "programme", "program", "project", "initiative", "agreement", "statement",
    "declaration", "memorandum", "affairs", "trade", "development", "investment", "industry",
    "industries", "technologies", "technology", "systems", "solutions", "group's", "spokesperson",
    "secretariat", "embassy", "consulate", "mission", "delegation", "cabinet", "administration",
    "chair", "chairs", "prize", "award", "scholarship", "lecture", "road", "bridge", "airport",
    "stadium", "hospital", "school", "college", "hall", "building", "tower", "square", "park",
    "port", "museum", "library", "partnership", "membership", "status", "board", "exchange",
    "utility", "utilities", "standard", "wisma", "ministers", "mausoleum", "memorial", "monument",
    "cemetery", "palace", "command", "corps",
]);

/// An automaton for a word list searched in every clause or block: a full DFA, the fastest
/// to search (building it once costs a few milliseconds). `any_case` also matches the words
/// in ASCII capitals.
pub fn automaton<I, P>(patterns: I, any_case: bool) -> aho_corasick::AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .ascii_case_insensitive(any_case)
        .build(patterns)
        .expect("word patterns compile")
}
