package parse

import "strconv"

// The success status a Response section names, and its reason phrase.

// successStatus picks the status of success from the codes a Response section names: the
// first 2xx, else the first 3xx, else the first other code below 400 ("returns 507 when
// the quota is exceeded ... returns 200 and the session" answers 200). A section that names
// only failures (beta createUploadSession: "a `507 Insufficent Storage` response will be
// returned") names no success: 0, and the examples decide.
func successStatus(ms [][]string) int {
	first, redirect := 0, 0
	for _, m := range ms {
		code, _ := strconv.Atoi(m[1])
		switch {
		case code >= 200 && code < 300:
			return code
		case code >= 300 && code < 400 && redirect == 0:
			redirect = code
		}
		// A failure's status ("a `507 Insufficient Storage` response will be returned")
		// is not the answer; without a success named, the examples give it.
		if first == 0 && code < 400 {
			first = code
		}
	}
	if redirect != 0 {
		return redirect
	}
	return first
}

// statusText is the reason phrase the generator prints for a status code.
func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 201:
		return "Created"
	case 202:
		return "Accepted"
	case 204:
		return "No Content"
	case 206:
		return "Partial Content"
	case 302:
		return "Found"
	}
	return ""
}
