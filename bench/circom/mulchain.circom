pragma circom 2.0.0;

// The benchmark peer circuit for bench/plonk-vs-snarkjs.sh: a chain of N multiplications, x[i] = x[i-1]·b, so every
// R1CS constraint is one PLONK gate too (one term on each side) and the constraint count is exactly N.
template MulChain(N) {
    signal input a;
    signal input b;
    signal output out;
    signal x[N];
    x[0] <== a * b;
    for (var i = 1; i < N; i++) {
        x[i] <== x[i - 1] * b;
    }
    out <== x[N - 1];
}

// 2^16 − 2: with the one public output, Groth16's domain (constraints + public signals + 1) and PLONK's (constraints
// + public signals) are both exactly 2^16.
component main = MulChain(65534);
