package emit

// goPackage is a workload package of a split client: the operations whose first path
// starts with one segment (/deviceAppManagement/...), and the models only they use.
type goPackage struct {
	Name string // the Go package name, which is also its directory below the output
	Path string // its import path
}
