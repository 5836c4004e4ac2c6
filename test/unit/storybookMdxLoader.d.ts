/** Storybook's MDX loader (webpack loader signature), untyped in its package; docsMath.test.ts drives it directly. */
declare module '@storybook/addon-docs/mdx-loader' {
  const loader: (
    this: { async(): (error: Error | null, code?: string) => void; getOptions(): unknown; resourcePath: string },
    content: string,
  ) => void;
  export default loader;
}
