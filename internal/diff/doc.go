// Package diff computes line-based unified diffs in the format produced by
// GNU "diff -u".
//
// The diff is computed with Myers' O(ND) algorithm in its linear-space
// (divide-and-conquer, "middle snake") form, after stripping the common
// prefix and suffix and discarding lines that occur in only one of the two
// inputs. Memory use is linear in the input size and running time is fast
// when the inputs differ in only a few lines, which is the common case when
// regenerated files are compared with their previous version.
package diff
