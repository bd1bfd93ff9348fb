// Package speed measures graphdocgen's generator against the cost of just parsing the
// markdown. It has tests only; run them with make bench. Its test imports goldmark to time
// parsing alone: the measurement, not the pipeline, needs it.
package speed
