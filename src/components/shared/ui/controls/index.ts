export { Button, type ButtonProps } from './Button';
export { Select, type SelectProps } from './Select';
export { Slider, type SliderProps } from './Slider';
export { NumberField, type NumberFieldProps } from './NumberField';
export { TextField, type TextFieldProps } from './TextField';
export { Toggle, type ToggleProps } from './Toggle';
export { SegmentedChoice, type SegmentedChoiceProps, type SegmentedOption } from './SegmentedChoice';
