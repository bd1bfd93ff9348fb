package graphrt

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

// accessToken and tokenCredential have the shape of azcore's AccessToken and
// TokenCredential, so that this example reads as the README's azidentity one.
type accessToken struct {
	Token     string
	ExpiresOn time.Time
}

type tokenCredential interface {
	GetToken(ctx context.Context, scopes []string) (accessToken, error)
}

// staticCredential stands for azidentity.NewDefaultAzureCredential's credential.
type staticCredential struct{}

func (staticCredential) GetToken(context.Context, []string) (accessToken, error) {
	return accessToken{Token: "eyJ0eXAi", ExpiresOn: time.Now().Add(time.Hour)}, nil
}

// ExampleBearerTransport plugs a credential (an azidentity credential, say) into the
// client. BearerTransport sends the token over https to the Graph hosts only; here the
// test server is the one allowed host, and the redirect to another host goes without it.
func ExampleBearerTransport() {
	other := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Printf("other host: Authorization %q\n", r.Header.Get("Authorization"))
		_, _ = io.WriteString(w, `{}`)
	}))
	defer other.Close()
	graphHost := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Printf("graph host: Authorization %q\n", r.Header.Get("Authorization"))
		if r.URL.Path == "/v1.0/moved" {
			http.Redirect(w, r, other.URL+"/elsewhere", http.StatusFound)
			return
		}
		_, _ = io.WriteString(w, `{"displayName":"Adele"}`)
	}))
	defer graphHost.Close()

	var cred tokenCredential = staticCredential{} // cred, err := azidentity.NewDefaultAzureCredential(nil)
	transport := BearerTransport{
		Token: func(ctx context.Context) (string, error) {
			tok, err := cred.GetToken(ctx, []string{"https://graph.microsoft.com/.default"})
			return tok.Token, err
		},
		// Leave AllowedHosts empty for the Graph clouds; the test server stands in here.
		AllowedHosts: []string{graphHost.Listener.Addr().String()},
		Base:         graphHost.Client().Transport, // http.DefaultTransport when nil
	}
	c := NewClient(WithBaseURL(graphHost.URL+"/v1.0"), WithHTTPClient(&http.Client{Transport: transport}))

	var me struct {
		DisplayName string `json:"displayName"`
	}
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &me); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(me.DisplayName)
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/moved"}, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// graph host: Authorization "Bearer eyJ0eXAi"
	// Adele
	// graph host: Authorization "Bearer eyJ0eXAi"
	// other host: Authorization ""
}
