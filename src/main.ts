import { mount } from 'svelte';
import App from './App.svelte';
import { installLocale } from './lib/state/locale.svelte.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
// Before the first render, so no word is drawn in one language and then redrawn in another.
installLocale(location.hash);
export default mount(App, { target });
