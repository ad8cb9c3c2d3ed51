/** The machine a run happened on, as results.json and the README name it. */
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type, arch } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
}

function osName(): string {
  if (process.platform === 'linux') {
    try {
      const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
      if (pretty) return `${pretty} (Linux ${release()}, ${arch()})`;
    } catch {
      // No os-release: fall back to the kernel's name.
    }
  }
  return `${type()} ${release()} (${arch()})`;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGb: Math.round(totalmem() / 1024 ** 3),
    os: osName(),
    node: process.version,
  };
}

export function machineLine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, ${machine.os}, Node ${machine.node}`;
}
