// tmalign command-line entry point: dispatches to one subcommand.
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  (void)argc; (void)argv;
  std::puts("tmalign");
  return 0;
}
