//! The scorer of `../shared/devset/score.py`, in Rust, so that every fixture set is scored by
//! the same rules as the real-text development set: countries as sets; agreements matched on
//! (parties + organisations, status or an accepted `status_alt`), optional ones neither
//! required nor penalised, predictions with the same key merged; signatories inside matched
//! agreements; people by normalised name (titles dropped, accents and word order ignored),
//! with aliases and optional people.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

/// True and false positives and negatives of one measure.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Precision, recall and F1 as score.py defines them (an empty measure scores 1).
    pub fn prf(&self) -> (f64, f64, f64) {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp == 0 {
            if self.fn_ == 0 { 1.0 } else { 0.0 }
        } else {
            tp / (tp + fp)
        };
        let r = if self.tp + self.fn_ == 0 {
            1.0
        } else {
            tp / (tp + fn_)
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// The four measures of score.py.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub countries: Counts,
    pub agreements: Counts,
    pub signatories: Counts,
    pub people: Counts,
}

impl Scores {
    pub fn add(&mut self, other: &Scores) {
        self.countries.add(other.countries);
        self.agreements.add(other.agreements);
        self.signatories.add(other.signatories);
        self.people.add(other.people);
    }

    /// One line: each measure's F1 ("–" for a measure the answers do not annotate).
    pub fn line(&self) -> String {
        let f = |c: &Counts| {
            if c.tp + c.fp + c.fn_ == 0 {
                "  –  ".to_string()
            } else {
                format!("{:.3}", c.prf().2)
            }
        };
        format!(
            "countries {}  agreements {}  signatories {}  people {}",
            f(&self.countries),
            f(&self.agreements),
            f(&self.signatories),
            f(&self.people)
        )
    }
}

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "eng",
    "engr",
    "he",
    "his",
    "her",
    "excellency",
    "shri",
    "sri",
    "hon",
    "honourable",
    "honorable",
    "president",
    "vice",
    "prime",
    "minister",
    "ambassador",
    "secretary",
    "commissioner",
    "deputy",
    "first",
];

/// The canonical, order-insensitive form of a name.
pub fn norm_name(name: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let s: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'")
        .replace("'s ", " ");
    let s = s.strip_suffix("'s").unwrap_or(&s);
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut toks: Vec<&str> = s.split_whitespace().collect();
    while toks.len() > 1 && TITLES.contains(&toks[0]) {
        toks.remove(0);
    }
    if toks.is_empty() {
        return None;
    }
    toks.sort_unstable();
    Some(toks.join(" "))
}

fn norm_code(c: &str) -> String {
    let c = c.trim().to_uppercase();
    if c == "UK" { "GB".into() } else { c }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A document's answer (gold) or prediction, in score.py's shape.
pub type Doc = Value;

fn key(a: &Value) -> (Vec<String>, String) {
    let mut parties: BTreeSet<String> = strings(&a["parties"])
        .iter()
        .map(|c| norm_code(c))
        .collect();
    parties.extend(strings(&a["organisations"]).iter().map(|c| norm_code(c)));
    let status = a["status"].as_str().unwrap_or("").trim().to_lowercase();
    (parties.into_iter().collect(), status)
}

/// norm(name) → every accepted form of that person.
fn alias_map(gold: &Doc) -> HashMap<String, BTreeSet<String>> {
    let mut map: HashMap<String, BTreeSet<String>> = HashMap::new();
    for p in gold["people"].as_array().into_iter().flatten() {
        let mut forms: BTreeSet<String> = BTreeSet::new();
        forms.extend(p["name"].as_str().and_then(norm_name));
        forms.extend(strings(&p["aliases"]).iter().filter_map(|n| norm_name(n)));
        for f in &forms {
            map.entry(f.clone())
                .or_default()
                .extend(forms.iter().cloned());
        }
    }
    map
}

fn same_person(pred: &str, gold: &str, map: &HashMap<String, BTreeSet<String>>) -> bool {
    let Some(g) = norm_name(gold) else {
        return false;
    };
    map.get(&g).map_or(pred == g, |forms| forms.contains(pred))
}

/// Maximum bipartite matching: left index → right index.
fn bipartite(
    left: &[usize],
    right: usize,
    ok: impl Fn(usize, usize) -> bool,
) -> BTreeMap<usize, usize> {
    fn try_l(
        i: usize,
        right: usize,
        ok: &dyn Fn(usize, usize) -> bool,
        seen: &mut BTreeSet<usize>,
        match_r: &mut BTreeMap<usize, usize>,
    ) -> bool {
        for j in 0..right {
            if seen.contains(&j) || !ok(i, j) {
                continue;
            }
            seen.insert(j);
            let free = match match_r.get(&j) {
                None => true,
                Some(&k) => try_l(k, right, ok, seen, match_r),
            };
            if free {
                match_r.insert(j, i);
                return true;
            }
        }
        false
    }
    let mut match_r = BTreeMap::new();
    for &i in left {
        try_l(i, right, &ok, &mut BTreeSet::new(), &mut match_r);
    }
    match_r.into_iter().map(|(j, i)| (i, j)).collect()
}

/// Scores one document; `misses` collects a line per error for the report.
pub fn score(gold: &Doc, pred: &Doc, misses: &mut Vec<String>) -> Scores {
    let mut s = Scores::default();
    let gc: BTreeSet<String> = strings(&gold["countries"])
        .iter()
        .map(|c| norm_code(c))
        .collect();
    let pc: BTreeSet<String> = strings(&pred["countries"])
        .iter()
        .map(|c| norm_code(c))
        .collect();
    s.countries = Counts {
        tp: gc.intersection(&pc).count(),
        fp: pc.difference(&gc).count(),
        fn_: gc.difference(&pc).count(),
    };
    for c in pc.difference(&gc) {
        misses.push(format!("country extra   {c}"));
    }
    for c in gc.difference(&pc) {
        misses.push(format!("country missing {c}"));
    }
    let map = alias_map(gold);
    agreements(gold, pred, &map, &mut s, misses);
    people(gold, pred, &map, &mut s, misses);
    s
}

fn agreements(
    gold: &Doc,
    pred: &Doc,
    map: &HashMap<String, BTreeSet<String>>,
    s: &mut Scores,
    misses: &mut Vec<String>,
) {
    struct Gold {
        parties: Vec<String>,
        status: String,
        accepted: BTreeSet<String>,
        optional: bool,
        /// Whether the answer lists signatories at all (older fixtures do not).
        signed_by: bool,
        sigs: Vec<String>,
        sigs_opt: Vec<String>,
    }
    let golds: Vec<Gold> = gold["agreements"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            let (parties, status) = key(a);
            let mut accepted: BTreeSet<String> = strings(&a["status_alt"]).into_iter().collect();
            accepted.insert(status.clone());
            Gold {
                parties,
                status,
                accepted,
                optional: a["optional"].as_bool().unwrap_or(false),
                signed_by: a.get("signatories").is_some(),
                sigs: strings(&a["signatories"]),
                sigs_opt: strings(&a["signatories_optional"]),
            }
        })
        .collect();
    let mut preds: BTreeMap<(Vec<String>, String), BTreeSet<String>> = BTreeMap::new();
    for a in pred["agreements"].as_array().into_iter().flatten() {
        let k = key(a);
        if k.0.is_empty() {
            continue;
        }
        let sigs = preds.entry(k).or_default();
        sigs.extend(
            strings(&a["signatories"])
                .iter()
                .filter_map(|n| norm_name(n)),
        );
    }
    let pkeys: Vec<&(Vec<String>, String)> = preds.keys().collect();
    let ok = |g: usize, p: usize| {
        golds[g].parties == pkeys[p].0 && golds[g].accepted.contains(&pkeys[p].1)
    };
    let req: Vec<usize> = (0..golds.len()).filter(|&i| !golds[i].optional).collect();
    let opt: Vec<usize> = (0..golds.len()).filter(|&i| golds[i].optional).collect();
    let matching = bipartite(&req, pkeys.len(), ok);
    let matched: BTreeSet<usize> = matching.values().copied().collect();
    s.agreements.tp += matching.len();
    s.agreements.fn_ += req.len() - matching.len();
    for (j, k) in pkeys.iter().enumerate() {
        if matched.contains(&j) || opt.iter().any(|&i| ok(i, j)) {
            continue;
        }
        s.agreements.fp += 1;
        misses.push(format!("agreement extra   {} {}", k.0.join("-"), k.1));
    }
    for &i in &req {
        let g = &golds[i];
        let Some(&j) = matching.get(&i) else {
            s.signatories.fn_ += g.sigs.len();
            misses.push(format!(
                "agreement missing {} {}",
                g.parties.join("-"),
                g.status
            ));
            continue;
        };
        if !g.signed_by {
            continue;
        }
        let forms = &preds[pkeys[j]];
        let mut used: BTreeSet<&String> = BTreeSet::new();
        for name in &g.sigs {
            match forms
                .iter()
                .find(|f| !used.contains(f) && same_person(f, name, map))
            {
                Some(f) => {
                    s.signatories.tp += 1;
                    used.insert(f);
                }
                None => {
                    s.signatories.fn_ += 1;
                    misses.push(format!(
                        "signatory missing {name} ({})",
                        g.parties.join("-")
                    ));
                }
            }
        }
        for f in forms.iter().filter(|f| !used.contains(f)) {
            if !g.sigs_opt.iter().any(|n| same_person(f, n, map)) {
                s.signatories.fp += 1;
                misses.push(format!("signatory extra   {f} ({})", g.parties.join("-")));
            }
        }
    }
}

fn people(
    gold: &Doc,
    pred: &Doc,
    map: &HashMap<String, BTreeSet<String>>,
    s: &mut Scores,
    misses: &mut Vec<String>,
) {
    let golds: Vec<&Value> = gold["people"].as_array().into_iter().flatten().collect();
    let mut forms: Vec<String> = Vec::new();
    for p in pred["people"].as_array().into_iter().flatten() {
        let name = p.as_str().or_else(|| p["name"].as_str()).unwrap_or("");
        if let Some(f) = norm_name(name)
            && !forms.contains(&f)
        {
            forms.push(f);
        }
    }
    let name_of = |i: usize| golds[i]["name"].as_str().unwrap_or("");
    let ok = |g: usize, p: usize| same_person(&forms[p], name_of(g), map);
    let optional = |i: usize| golds[i]["optional"].as_bool().unwrap_or(false);
    let req: Vec<usize> = (0..golds.len()).filter(|&i| !optional(i)).collect();
    let matching = bipartite(&req, forms.len(), ok);
    let matched: BTreeSet<usize> = matching.values().copied().collect();
    s.people.tp += matching.len();
    s.people.fn_ += req.len() - matching.len();
    for &i in req.iter().filter(|i| !matching.contains_key(i)) {
        misses.push(format!("person missing {}", name_of(i)));
    }
    for (j, f) in forms.iter().enumerate() {
        if !matched.contains(&j) && !(0..golds.len()).any(|i| ok(i, j)) {
            s.people.fp += 1;
            misses.push(format!("person extra   {f}"));
        }
    }
}

/// The prediction for one document from `briefing extract --json` output, as
/// `../shared/devset/adapt.py` makes it: each agreement with the strongest status this
/// document's own evidence gives it.
pub fn prediction(out: &Value) -> Doc {
    let doc = &out["documents"][0];
    let rank = |s: &str| match s {
        "signed" => 3,
        "planned" => 2,
        "discussed" => 1,
        _ => 0,
    };
    let agreements: Vec<Value> = out["agreements"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            let own = a["evidence"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|e| e["document"] == doc["slug"])
                .filter_map(|e| e["status"].as_str())
                .max_by_key(|s| rank(s));
            let mut a = a.clone();
            if let Some(s) = own {
                a["status"] = Value::from(s);
            }
            a
        })
        .collect();
    serde_json::json!({
        "countries": doc["countries"].as_array().into_iter().flatten().map(|c| c["code"].clone()).collect::<Vec<_>>(),
        "agreements": agreements,
        "people": doc["people"].clone(),
    })
}
