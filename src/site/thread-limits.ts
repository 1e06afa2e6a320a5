/**
 * The young generation of the site build's threads (the term thread and the writer thread), in MB: V8's
 * `maxYoungGenerationSizeMb`, which otherwise grows to 16 MB per semi-space in each new thread. A thread
 * is new at every build, so every page of its young generation is memory touched for the first time, and on
 * this project's VMs that costs ~4 ms a MB (bench:site prints the figure). Both threads keep their large data in
 * typed arrays, outside the young generation, and what they allocate there dies young: a small one scavenges
 * more often but touches far fewer fresh pages. At 10,000 records, alternating builds in one process: 2 MB
 * gave 40-90 MB less fresh memory and 0.2-0.7 s less CPU than V8's default (4 and 8 MB less of both; a larger
 * one, tried before, cost as much in fresh memory as it saved in scavenges).
 */
export const THREAD_YOUNG_GENERATION_MB = 2;

/** The Worker options every site-build thread is started with. */
export const THREAD_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB };
