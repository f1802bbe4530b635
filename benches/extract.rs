//! Native extraction throughput (`./build.sh bench`): `callchart::analyze` on
//! the sample call and on 1×, 10× and 100× concatenations of it. The cost
//! must be linear: time(100×) / time(1×) ≤ 110 (bench/run.py checks it).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

const SAMPLE: &str = include_str!("../www/sample/credo-q4-fy2023.txt");

fn extraction(c: &mut Criterion) {
    let quick = std::env::var_os("CALLCHART_BENCH_QUICK").is_some();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(if quick { 300 } else { 1000 }));
    group.measurement_time(Duration::from_secs(if quick { 2 } else { 8 }));
    for n in [1usize, 10, 100] {
        let text = SAMPLE.repeat(n);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(format!("{n}x")), &text, |b, text| {
            b.iter(|| black_box(callchart::analyze(black_box(text))))
        });
    }
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
