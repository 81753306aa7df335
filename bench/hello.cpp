// The floor of a C++ command's start: what bench/run compares microstep's start-up with.
#include <iostream>

int main() { std::cout << "hello, world\n"; }
