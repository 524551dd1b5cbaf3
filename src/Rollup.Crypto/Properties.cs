// The field and tower code works on many struct temporaries; zero-initialising every frame
// (the default) costs more than small field operations themselves. Every stackalloc in this
// assembly is written before it is read.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
