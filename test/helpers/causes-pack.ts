/** A small, valid user causes pack (one cause) and variants of it, for the pack loader's tests. */
export const goodCausesPack = () => ({
  pack: 'site',
  causes: [
    {
      id: 'fan-failure',
      title: 'Fan failure',
      base: 0.5,
      triggers: ['thermal-throttling'],
      support: [{ when: { fact: 'uptimeHours', ge: 1 }, weight: 0.1, text: 'up {{facts.uptime}}' }],
      summary: 'The fan stopped{{#if has.[throttling-clocks]}} and clocks fell{{/if}}.',
      remedy: ['Replace the fan.'],
      references: ['Carrier board manual: fan header'],
    },
  ],
});

type Doc = ReturnType<typeof goodCausesPack>;
/** The good pack with its first cause (and the document) edited by `f`. */
export const causesPackVariant = (f: (c: Record<string, unknown>, d: Doc) => void) => {
  const d = goodCausesPack();
  f(d.causes[0] as unknown as Record<string, unknown>, d);
  return d;
};
