import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { Button, NumberField, SegmentedChoice, Select, Slider, TextField, Toggle } from './index';

/** Every control of the kit, in a row that wraps, as a figure lays them out. */
function Gallery({ disabled = false }: { disabled?: boolean }) {
  const [steps, setSteps] = useState(20);
  const [scheduler, setScheduler] = useState('ddim');
  const [seed, setSeed] = useState(7);
  const [prompt, setPrompt] = useState('water');
  const [trails, setTrails] = useState(true);
  const [view, setView] = useState<'x0' | 'xt' | 'eps'>('xt');
  const [clicks, setClicks] = useState(0);
  return (
    <div className="dk-figure" style={{ maxWidth: 640 }}>
      <div className="dk-controls">
        <span className="dk-field">
          <label htmlFor="g-prompt">Prompt</label>
          <TextField
            id="g-prompt"
            value={prompt}
            onChange={(e) => setPrompt(e.currentTarget.value)}
            disabled={disabled}
          />
        </span>
        <Button variant="primary" onClick={() => setClicks((n) => n + 1)} disabled={disabled}>
          Generate
        </Button>
        <Button onClick={() => setSeed((s) => s + 1)} disabled={disabled}>
          New seed
        </Button>
      </div>
      <div className="dk-controls">
        <span className="dk-field">
          <label htmlFor="g-steps">Steps</label>
          <Slider
            id="g-steps"
            min={1}
            max={50}
            value={steps}
            onChange={(e) => setSteps(e.currentTarget.valueAsNumber)}
            disabled={disabled}
          />
          <span className="dk-readout">{steps}</span>
        </span>
        <span className="dk-field">
          <label htmlFor="g-scheduler">Scheduler</label>
          <Select
            id="g-scheduler"
            value={scheduler}
            onChange={(e) => setScheduler(e.currentTarget.value)}
            disabled={disabled}
          >
            <option value="ddpm">DDPM</option>
            <option value="ddim">DDIM</option>
            <option value="euler">Euler</option>
          </Select>
        </span>
        <span className="dk-field">
          <label htmlFor="g-seed">Seed</label>
          <NumberField
            id="g-seed"
            min={0}
            max={9999}
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.valueAsNumber)}
            disabled={disabled}
          />
        </span>
      </div>
      <div className="dk-controls">
        <Toggle
          label="Trails"
          checked={trails}
          onChange={(e) => setTrails(e.currentTarget.checked)}
          disabled={disabled}
        />
        <SegmentedChoice
          legend="Show"
          value={view}
          onChange={setView}
          disabled={disabled}
          options={[
            { value: 'xt', label: 'xₜ' },
            { value: 'x0', label: 'predicted x₀' },
            { value: 'eps', label: 'noise' },
          ]}
        />
      </div>
      <p className="dk-caption" data-testid="state">
        {`${prompt}, ${steps} steps, ${scheduler}, seed ${seed}, trails ${trails ? 'on' : 'off'}, showing ${view}, ` +
          `${clicks} generated`}
      </p>
    </div>
  );
}

const meta = {
  title: 'Design system/Controls',
  component: Gallery,
  parameters: {
    docs: {
      description: {
        component:
          "The kit's controls: `Button`, `Select`, `Slider`, `NumberField`, `TextField`, `Toggle` and " +
          '`SegmentedChoice`, each a native element (its keyboard and screen-reader behaviour kept) drawn from the ' +
          'tokens, with a visible focus ring and a target of at least 24 px. Switch the toolbar theme to see dark.',
      },
    },
  },
} satisfies Meta<typeof Gallery>;

export default meta;
type Story = StoryObj<typeof meta>;

/** All controls, working. */
export const Gallery_: Story = { name: 'Gallery' };

/** The same controls, disabled. */
export const Disabled: Story = { args: { disabled: true } };

/**
 * Keyboard only: Tab reaches every control in reading order, Space toggles, arrows move the segmented choice, Enter
 * presses a button. (The slider and number field are native inputs: their arrow keys are the browser's own.)
 */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const state = canvas.getByTestId('state');
    canvas.getByLabelText('Prompt').focus();
    const order = ['Generate', 'New seed', 'Steps', 'Scheduler', 'Seed', 'Trails'];
    for (const name of order) {
      await userEvent.tab();
      await expect(document.activeElement).toBe(canvas.queryByRole('button', { name }) ?? canvas.getByLabelText(name));
    }
    await userEvent.keyboard(' ');
    await expect(state).toHaveTextContent('trails off');
    await userEvent.tab(); // into the segmented choice, on its checked option
    await expect(canvas.getByRole('radio', { name: 'xₜ' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(state).toHaveTextContent('showing x0');
    await expect(canvas.getByRole('radio', { name: 'predicted x₀' })).toBeChecked();
    canvas.getByRole('button', { name: 'Generate' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(state).toHaveTextContent('1 generated');
    // The focus ring is the kit's (2 px, the focus token), not the browser's default.
    await expect(getComputedStyle(canvas.getByRole('button', { name: 'Generate' })).outlineWidth).toBe('2px');
    // Every control is at least 24 px tall (WCAG 2.2 target size).
    for (const el of canvasElement.querySelectorAll<HTMLElement>(
      '.dk-button, .dk-select, .dk-number, .dk-text-field, .dk-slider, .dk-toggle-label, .dk-segment',
    ))
      await expect(el.getBoundingClientRect().height).toBeGreaterThanOrEqual(24);
  },
};
