package graphrt

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Error is the error returned for a response whose status is not 2xx. It carries the
// Graph error body ({"error": {"code": ..., "message": ...}}) when the service sent one.
// Use errors.As to get at it, or IsNotFound and IsThrottled.
type Error struct {
	// StatusCode is the HTTP status code of the response.
	StatusCode int
	// Code is the Graph error code, such as "Request_ResourceNotFound".
	Code string
	// Message is the Graph error message.
	Message string
	// Details are the error body's details: more errors, each about a target.
	Details []ErrorDetail
	// RequestID is the request-id response header (or the error body's innerError
	// request-id): quote it when asking Microsoft support about a failed call.
	RequestID string
	// ClientRequestID is the client-request-id response header (or the error body's
	// innerError client-request-id).
	ClientRequestID string
	// Date is the error body's innerError date, as the service wrote it.
	Date string
	// InnerError is the error body's innerError object as it arrived; nil without one.
	InnerError json.RawMessage
	// RetryAfter is the wait the Retry-After response header asks for (given in seconds
	// or as an HTTP date); 0 without one.
	RetryAfter time.Duration
	// Body is the raw response body, at most 64 KiB of it.
	Body []byte
}

// ErrorDetail is one of the details of a Graph error.
type ErrorDetail struct {
	// Code is the detail's error code.
	Code string `json:"code"`
	// Message is the detail's message.
	Message string `json:"message"`
	// Target is what the detail is about, such as a property name.
	Target string `json:"target"`
}

// Error describes the failure: status, Graph code and message, details, request ID and
// the wait Retry-After asks for.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "graph: %d", e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + text)
	}
	if e.Code != "" {
		b.WriteString(": " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	for i, d := range e.Details {
		if i == 0 {
			b.WriteString(" [")
		} else {
			b.WriteString("; ")
		}
		parts := make([]string, 0, 3)
		for _, s := range []string{d.Target, d.Code, d.Message} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		b.WriteString(strings.Join(parts, ": "))
		if i == len(e.Details)-1 {
			b.WriteString("]")
		}
	}
	if e.RequestID != "" {
		b.WriteString(" (request-id " + e.RequestID + ")")
	}
	if e.RetryAfter > 0 {
		b.WriteString(" (retry after " + e.RetryAfter.String() + ")")
	}
	return b.String()
}

// IsNotFound reports whether err is, or wraps, an *Error with status 404 Not Found.
func IsNotFound(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.StatusCode == http.StatusNotFound
}

// IsThrottled reports whether err is, or wraps, an *Error saying that the service
// throttled the request: status 429 Too Many Requests, or 503 Service Unavailable with a
// positive Retry-After. The error's RetryAfter says how long to wait.
func IsThrottled(err error) bool {
	var e *Error
	return errors.As(err, &e) &&
		(e.StatusCode == http.StatusTooManyRequests || e.StatusCode == http.StatusServiceUnavailable && e.RetryAfter > 0)
}

// maxErrorBody bounds how much of an error response is kept.
const maxErrorBody = 64 << 10

// newError reads a non-2xx response into an *Error, and tells whether the response had a
// Retry-After header; now is the time Retry-After dates are counted from.
func newError(resp *http.Response, now time.Time) (*Error, bool) {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	e := &Error{StatusCode: resp.StatusCode, Body: body,
		RequestID: resp.Header.Get("request-id"), ClientRequestID: resp.Header.Get("client-request-id")}
	after, ok := retryAfter(resp.Header.Get("Retry-After"), now)
	e.RetryAfter = after
	var env struct {
		Error struct {
			Code       string          `json:"code"`
			Message    string          `json:"message"`
			Details    []ErrorDetail   `json:"details"`
			InnerError json.RawMessage `json:"innerError"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &env) != nil {
		return e, ok
	}
	e.Code, e.Message, e.Details = env.Error.Code, env.Error.Message, env.Error.Details
	var inner struct {
		Date            string `json:"date"`
		RequestID       string `json:"request-id"`
		ClientRequestID string `json:"client-request-id"`
	}
	if raw := env.Error.InnerError; len(raw) > 0 && raw[0] == '{' && json.Unmarshal(raw, &inner) == nil {
		e.InnerError, e.Date = raw, inner.Date
		if e.RequestID == "" {
			e.RequestID = inner.RequestID
		}
		if e.ClientRequestID == "" {
			e.ClientRequestID = inner.ClientRequestID
		}
	}
	return e, ok
}
