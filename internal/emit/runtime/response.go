package graphrt

import "net/http"

// Response is the status and headers of the response a call succeeded with: set a
// method's opts.Response (or Request.Response) to a *Response, and the call fills it in.
// For an iterator over a collection it describes the last page fetched. A call that
// fails leaves it as it was: its *Error carries the status and headers instead.
type Response struct {
	// StatusCode is the HTTP status: 200, 201, 202, 204, ...
	StatusCode int
	// Header holds the response headers (Location, ETag, request-id, ...), a copy the
	// caller may keep.
	Header http.Header
}

// recordResponse copies resp's status and headers into into, when into is not nil.
func recordResponse(into *Response, resp *http.Response) {
	if into != nil {
		*into = Response{StatusCode: resp.StatusCode, Header: resp.Header.Clone()}
	}
}
