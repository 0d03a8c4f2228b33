//! Stage timings for `briefing build --timings`: the wall time and peak memory of each stage.
//!
//! Peak memory is the resident-set high-water mark, reset at the start of every stage where
//! the system allows it (Linux `clear_refs`), so each stage reports its own peak rather than
//! the largest so far. Elsewhere it is left out.

use std::time::Instant;

/// One stage's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// Stage name: ingest, extract, model, render, write.
    pub name: &'static str,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Peak resident memory during the stage, in bytes, when the system reports it.
    pub peak_bytes: Option<u64>,
}

/// A stopwatch that records one [`Stage`] per lap.
pub struct Stopwatch {
    stages: Vec<Stage>,
    last: Instant,
    /// Told the name of each stage as it ends and how many have ended.
    observer: Option<Box<Observer>>,
}

/// What a [`Stopwatch`] tells at each lap: the stage that ended and how many have ended.
pub type Observer = dyn Fn(&str, usize) + Send + Sync;

impl std::fmt::Debug for Stopwatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stopwatch")
            .field("stages", &self.stages)
            .field("observed", &self.observer.is_some())
            .finish()
    }
}

impl Default for Stopwatch {
    fn default() -> Self {
        Self::start()
    }
}

impl Stopwatch {
    /// Starts the first stage now.
    pub fn start() -> Stopwatch {
        reset_peak();
        Stopwatch {
            stages: Vec::new(),
            last: Instant::now(),
            observer: None,
        }
    }

    /// Calls `observer(stage, stages ended)` at every lap, for progress reports.
    pub fn observed(mut self, observer: impl Fn(&str, usize) + Send + Sync + 'static) -> Stopwatch {
        self.observer = Some(Box::new(observer));
        self
    }

    /// Ends the current stage, naming it, and starts the next.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.stages.push(Stage {
            name,
            seconds: now.duration_since(self.last).as_secs_f64(),
            peak_bytes: peak_rss(),
        });
        if let Some(observer) = &self.observer {
            observer(name, self.stages.len());
        }
        reset_peak();
        self.last = Instant::now();
    }

    /// The stages recorded so far.
    pub fn stages(self) -> Vec<Stage> {
        self.stages
    }
}

/// Resets the kernel's high-water mark of resident memory for this process.
fn reset_peak() {
    #[cfg(target_os = "linux")]
    {
        // Best effort: where it fails the figure is the peak so far, still an upper bound.
        let _ = std::fs::write("/proc/self/clear_refs", "5");
    }
}

/// The resident-set high-water mark since the last reset.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The stages as an aligned text table, with a total row.
pub fn table(stages: &[Stage]) -> String {
    let mut out = format!("{:<8} {:>9} {:>11}\n", "stage", "seconds", "peak MiB");
    let mib = |b: Option<u64>| b.map_or_else(|| "-".to_string(), |b| format!("{}", b >> 20));
    for s in stages {
        out.push_str(&format!(
            "{:<8} {:>9.3} {:>11}\n",
            s.name,
            s.seconds,
            mib(s.peak_bytes)
        ));
    }
    let total: f64 = stages.iter().map(|s| s.seconds).sum();
    let peak = stages.iter().filter_map(|s| s.peak_bytes).max();
    out.push_str(&format!(
        "{:<8} {:>9.3} {:>11}\n",
        "total",
        total,
        mib(peak)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laps_are_recorded_in_order_and_tabled() {
        let mut w = Stopwatch::start();
        w.lap("ingest");
        let v: Vec<u8> = vec![1; 1 << 20];
        std::hint::black_box(&v);
        w.lap("render");
        let stages = w.stages();
        assert_eq!(
            stages.iter().map(|s| s.name).collect::<Vec<_>>(),
            ["ingest", "render"]
        );
        let t = table(&stages);
        assert!(t.starts_with("stage"), "{t}");
        assert!(t.lines().nth(2).unwrap().starts_with("render"), "{t}");
        assert!(t.lines().last().unwrap().starts_with("total"), "{t}");
    }

    #[test]
    fn an_observer_hears_every_lap() {
        let heard = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = heard.clone();
        let mut w = Stopwatch::start()
            .observed(move |name, done| log.lock().unwrap().push(format!("{name} {done}")));
        w.lap("ingest");
        w.lap("extract");
        assert_eq!(*heard.lock().unwrap(), ["ingest 1", "extract 2"]);
        assert_eq!(w.stages().len(), 2);
    }
}
