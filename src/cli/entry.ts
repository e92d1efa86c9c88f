// The bundle's entry point (scripts/build-cli.mjs): the real process around main().
import { nodeIo } from './io';
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), nodeIo());
