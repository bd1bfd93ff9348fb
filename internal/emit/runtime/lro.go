package graphrt

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// DefaultPollInterval is how long Monitor.Wait waits between two polls of a monitor
// that sends no Retry-After header.
const DefaultPollInterval = 1 * time.Second

// maxPollInterval caps the wait a monitor's Retry-After may ask for between polls.
const maxPollInterval = 5 * time.Minute

// Monitor is a long-running operation the service accepted: a method documented as
// answering 202 Accepted with a Location header (copying a driveItem, cloning a team)
// returns one. Wait polls the Location, the monitor URL, until the operation ends.
//
// The monitor URL is followed as a next link is: a URL that leaves the scheme, host and
// port of the client's base URL is refused, since polling it would send the client's
// credentials there. (OneDrive and SharePoint answer a copy with a monitor on the site's
// own host; poll such a URL yourself, without credentials, as Graph's long-running
// actions overview says it needs none.)
type Monitor struct {
	// URL is the monitor URL, the Location the service answered with: save it to go on
	// waiting in another process (ResumeMonitor). Empty when the service finished the
	// operation at once, answering with the result instead of 202.
	URL string
	// Interval is the wait between two polls when the monitor sends no Retry-After;
	// DefaultPollInterval when 0.
	Interval time.Duration
	// Last is the status the last poll read; nil before the first.
	Last *MonitorStatus
	// Accepted is the body of the answer that started the operation, when it had one (a
	// password reset's 202 Accepted carries the newPassword the service made up).
	Accepted json.RawMessage

	c *Client
}

// MonitorStatus is what a monitor URL answers: a driveItem copy's asyncJobStatus, a
// Teams operation's teamsAsyncOperation or a longRunningOperation, whose members it
// gathers.
type MonitorStatus struct {
	// Status is the operation's state: notStarted, inProgress, running, waiting,
	// updating, completed, succeeded, failed, deleteFailed, skipped, ...
	Status string `json:"status"`
	// Operation names the operation (itemCopy, cloneTeam, ...).
	Operation string `json:"operation,omitempty"`
	// OperationType is a Teams operation's type (cloneTeam, archiveTeam, ...).
	OperationType string `json:"operationType,omitempty"`
	// PercentageComplete is the progress, 0 to 100, when the monitor says.
	PercentageComplete float64 `json:"percentageComplete,omitempty"`
	// ResourceID is the ID of the resource the operation made (asyncJobStatus).
	ResourceID string `json:"resourceId,omitempty"`
	// TargetResourceID is a Teams operation's resource ID.
	TargetResourceID string `json:"targetResourceId,omitempty"`
	// TargetResourceLocation is a Teams operation's resource path.
	TargetResourceLocation string `json:"targetResourceLocation,omitempty"`
	// ResourceLocation is a longRunningOperation's resource URL.
	ResourceLocation string `json:"resourceLocation,omitempty"`
	// StatusDetail is a longRunningOperation's explanation.
	StatusDetail string `json:"statusDetail,omitempty"`
	// Error, when the operation failed, is its code and message.
	Error *MonitorError `json:"error,omitempty"`
	// ID is the answer's id: after a monitor redirects to the finished resource (303 See
	// Other), the resource's own ID.
	ID string `json:"id,omitempty"`
	// Raw is the status object as the monitor wrote it, for the members the fields above
	// do not gather: decode it into the operation type the method's page names (a
	// printerCreateOperation's printer and certificate).
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON reads a status, whose state some monitors write as an object: a print
// operation answers "status": {"state": "succeeded", "description": "..."}, which reads as
// Status "succeeded" and StatusDetail the description. A member the fields above type
// otherwise than the monitor writes it (a partner billing export's resourceLocation, an
// object) is left unset, not an error: the whole answer is in Raw, and the operation's
// state is what Wait needs.
func (s *MonitorStatus) UnmarshalJSON(data []byte) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return err
	}
	byName := make(map[string]json.RawMessage, len(members))
	for k, v := range members {
		byName[strings.ToLower(k)] = v // as encoding/json matches names
	}
	*s = MonitorStatus{Raw: append(json.RawMessage(nil), data...)}
	for name, into := range map[string]any{
		"operation": &s.Operation, "operationtype": &s.OperationType, "percentagecomplete": &s.PercentageComplete,
		"resourceid": &s.ResourceID, "targetresourceid": &s.TargetResourceID, "targetresourcelocation": &s.TargetResourceLocation,
		"resourcelocation": &s.ResourceLocation, "statusdetail": &s.StatusDetail, "id": &s.ID,
	} {
		if v, ok := byName[name]; ok {
			_ = json.Unmarshal(v, into) // another JSON type leaves the field unset
		}
	}
	if v, ok := byName["error"]; ok {
		var e MonitorError
		if json.Unmarshal(v, &e) == nil && (e.Code != "" || e.Message != "") {
			s.Error = &e
		}
	}
	switch t := bytes.TrimSpace(byName["status"]); {
	case len(t) == 0 || string(t) == "null":
		s.Status = ""
	case t[0] == '{':
		var st struct {
			State       string `json:"state"`
			Description string `json:"description"`
		}
		if err := json.Unmarshal(t, &st); err != nil {
			return err
		}
		s.Status = st.State
		if s.StatusDetail == "" {
			s.StatusDetail = st.Description
		}
	default:
		return json.Unmarshal(t, &s.Status)
	}
	return nil
}

// MonitorError is the code and message a failed operation's status carries.
type MonitorError struct {
	// Code is the error code, such as nameAlreadyExists.
	Code string `json:"code"`
	// Message is the error message.
	Message string `json:"message"`
}

// OperationFailedError is what Wait returns when the operation ends in a failed state.
type OperationFailedError struct {
	// URL is the monitor URL.
	URL string
	// Status is the monitor's last answer.
	Status MonitorStatus
}

// Error says how the operation ended, with the monitor's error code and message.
func (e *OperationFailedError) Error() string {
	s := "graph: the long-running operation ended " + e.Status.Status
	if e.Status.Error != nil {
		s += ": " + e.Status.Error.Code
		if e.Status.Error.Message != "" {
			s += ": " + e.Status.Error.Message
		}
	} else if e.Status.StatusDetail != "" {
		s += ": " + e.Status.StatusDetail
	}
	return s
}

// Done reports whether the status is a terminal one, and whether it is a success.
func (s *MonitorStatus) Done() (done, ok bool) {
	st := strings.ToLower(s.Status)
	switch st {
	case "completed", "succeeded", "partiallysucceeded":
		return true, true
	case "failed", "deletefailed", "cancelled", "canceled", "skipped":
		return true, false
	case "":
		// A resource in place of a status: the monitor redirected to what it made.
		return s.ID != "", s.ID != ""
	}
	// A state named as a failure of one step (an eDiscovery operation's submissionFailed)
	// ends the wait too: no state ending in "failed" is ever left.
	if strings.HasSuffix(st, "failed") {
		return true, false
	}
	return false, false
}

// resource is the ID (or, failing that, the location) of the resource the operation made.
// An answer's own id is the resource's only where the answer is no status (a monitor that
// redirected to what it made): beside a status it is the operation's (a printer
// registration's printerCreateOperation, a longRunningOperation).
func (s *MonitorStatus) resource() string {
	id := ""
	if s.Status == "" {
		id = s.ID
	}
	for _, v := range []string{s.ResourceID, s.TargetResourceID, id, s.ResourceLocation, s.TargetResourceLocation} {
		if v != "" {
			return v
		}
	}
	return ""
}

// StartMonitor sends r, which the docs say the service answers with 202 Accepted and a
// Location, and returns the Monitor of the operation it starts. A 2xx answer without a
// Location is a finished operation: the Monitor's Wait returns at once, with the id of
// the JSON body if it has one.
func StartMonitor(ctx context.Context, c *Client, r Request) (*Monitor, error) {
	if c.collect != nil {
		return nil, errNotBatchable
	}
	resp := Response{}
	into := r.Response
	r.Response = &resp
	var body json.RawMessage
	if err := c.Do(ctx, r, &body); err != nil {
		return nil, err
	}
	if into != nil {
		*into = resp
	}
	// OneNote's copies and printer registration name the monitor in Operation-Location.
	m := &Monitor{URL: cmp.Or(resp.Header.Get("Location"), resp.Header.Get("Operation-Location")), c: c}
	if len(bytes.TrimSpace(body)) > 0 {
		m.Accepted = body
	}
	if m.URL == "" {
		st := MonitorStatus{Status: "completed"}
		var res struct {
			ID string `json:"id"`
		}
		if len(body) > 0 && json.Unmarshal(body, &res) == nil {
			st.ID, st.ResourceID = res.ID, res.ID // the answer is what the operation made
		}
		m.Last = &st
	}
	return m, nil
}

// ResumeMonitor returns the Monitor of the operation whose monitor URL (Monitor.URL) was
// saved, so that another process can wait for it.
func ResumeMonitor(c *Client, monitorURL string) *Monitor {
	return &Monitor{URL: monitorURL, c: c}
}

// Poll asks the monitor once for the operation's status, and returns it with the wait
// its Retry-After asks for (0 without one).
func (m *Monitor) Poll(ctx context.Context) (*MonitorStatus, time.Duration, error) {
	if m.URL == "" {
		if m.Last == nil {
			return nil, 0, errors.New("graph: the monitor has no URL")
		}
		return m.Last, 0, nil
	}
	link := m.URL
	if strings.HasPrefix(link, "/") && !strings.HasPrefix(link, "//") {
		// Teams answers /teams('id')/operations('id'): a path under the version root.
		link = m.c.baseURL + link
	}
	var resp Response
	st := &MonitorStatus{}
	if err := m.c.fetch(ctx, Request{Method: http.MethodGet, Response: &resp}, link, monitorBody{st}); err != nil {
		return nil, 0, err
	}
	m.Last = st
	wait, _ := retryAfter(resp.Header.Get("Retry-After"), m.c.now())
	return st, wait, nil
}

// monitorBody decodes a monitor's answer, which may be empty while the operation runs (a
// 202 with no body).
type monitorBody struct{ st *MonitorStatus }

// UnmarshalJSON decodes the status.
func (b monitorBody) UnmarshalJSON(data []byte) error { return json.Unmarshal(data, b.st) }

// Wait polls the monitor until the operation ends, waiting between polls what each
// answer's Retry-After asks for (Interval without one), and returns the ID of the
// resource the operation made (for a driveItem copy, the new item's ID; empty when the
// monitor names none). An operation that ends failed is an *OperationFailedError; a
// poll that fails is its error. Wait stops when ctx is done.
func (m *Monitor) Wait(ctx context.Context) (string, error) {
	for {
		st, wait, err := m.Poll(ctx)
		if err != nil {
			return "", fmt.Errorf("graph: polling the monitor: %w", err)
		}
		if done, ok := st.Done(); done {
			if !ok {
				return "", &OperationFailedError{URL: m.URL, Status: *st}
			}
			return st.resource(), nil
		}
		if wait <= 0 {
			wait = m.Interval
			if wait <= 0 {
				wait = DefaultPollInterval
			}
		}
		if err := m.c.sleep(ctx, min(wait, maxPollInterval)); err != nil {
			return "", err
		}
	}
}
