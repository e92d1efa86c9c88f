// The bundle's entry point (scripts/build-cli.mjs): the real process around main().
import { nodeIo, outputErrorText } from './io';
import { main } from './main';

// A reader that stops early (`| head`) closes the pipe: the output is no longer wanted, so the run
// ends quietly, as Unix tools do. Any other failure to write (a full disk) is one line, not a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`optimizer-playground: cannot write the output: ${outputErrorText(error)}\n`);
  process.exit(1);
});

process.exitCode = await main(process.argv.slice(2), nodeIo());
