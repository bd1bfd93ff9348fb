module example.com/graphsdk

go 1.26

require (
	github.com/aymanbagabas/go-udiff v0.4.2 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/graphdocgen/graphdocgen v0.0.0 // indirect
	github.com/spf13/pflag v1.1.0 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	golang.org/x/mod v0.40.0 // indirect
)

// In a real SDK repository this is a released version of graphdocgen; here it is the
// checkout this example lives in.
replace github.com/graphdocgen/graphdocgen => ../..

tool github.com/graphdocgen/graphdocgen/cmd/graphdocgen
