/** An nvidia-bug-report-tegra.log holding `sections`, laid out as the NVIDIA script writes them. */
// @ts-nocheck

export function bugReportLog(sections: [name: string, body: string][]): string {
  const separator = '____________________________________________';
  return ['nvidia-bug-report-tegra.sh Version: 1.0', ...sections.flatMap(([name, body]) => [separator, '', `='${name}' information=`, body])].join('\n');
}
