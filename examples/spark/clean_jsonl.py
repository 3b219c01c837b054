#!/usr/bin/env python3
"""Clean JSON Lines or WARC files on Spark: each partition goes through `clean --jsonl` (or
`clean --warc`) with RDD.pipe, and the records come out as JSON Lines, in input order, one
output record per input record (a record that fails carries its `error`).

    examples/spark/.venv/bin/python examples/spark/clean_jsonl.py --master 'local[2]' \
        --clean .build/release/clean pages.jsonl out/

JSON Lines are split at line ends into partitions (Spark's text input: local files, HDFS, S3);
WARC files are not splittable, so each file is one task that runs `clean --warc` on the file's
path, which must be readable where the task runs (a local or shared file system).
"""
import argparse
import shlex

from pyspark import SparkConf, SparkContext


def piped(clean, mode):
    """The shell command a task pipes its records through. `clean` exits 1 when a record failed:
    that record is an `error` line in the output, so the task goes on. Any other failure (a crash,
    a usage error) fails the task, and Spark retries it."""
    if mode == "--warc":
        # A WARC task's standard input is one file path a line.
        script = f'while IFS= read -r path; do {shlex.join(clean)} --warc "$path" || [ $? -le 1 ] || exit 1; done'
    else:
        script = f"{shlex.join(clean)} --jsonl || [ $? -le 1 ]"
    return shlex.join(["sh", "-c", script])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines files (gzipped or not) or, with --warc, WARC files")
    parser.add_argument("output", help="a folder Spark writes part-NNNNN files of JSON Lines into")
    parser.add_argument("--warc", action="store_true", help="the inputs are WARC files (.warc or .warc.gz)")
    parser.add_argument("--clean", default="clean", help="the clean binary on the workers (default: clean on PATH)")
    parser.add_argument("--jobs", type=int, default=1, help="threads of each clean process (default: 1; Spark runs a task per core)")
    parser.add_argument("--master", help="Spark master (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=0, help="minimum JSON Lines partitions (default: Spark's)")
    args = parser.parse_args()

    conf = SparkConf().setAppName("clean").set("spark.ui.showConsoleProgress", "false")
    if args.master:
        conf.setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    clean = [args.clean, "--jobs", str(args.jobs)]
    if args.warc:
        # One partition a file: WARC files are not split.
        records = sc.parallelize(args.inputs, len(args.inputs)).pipe(piped(clean, "--warc"), checkCode=True)
    else:
        lines = sc.textFile(",".join(args.inputs), minPartitions=args.partitions or None)
        records = lines.pipe(piped(clean, "--jsonl"), checkCode=True)
    records.saveAsTextFile(args.output)
    sc.stop()


if __name__ == "__main__":
    main()
